# builtins.match and builtins.split over many short strings, the way
# nixpkgs lib parses names, versions, paths and option strings; plus
# parseDrvName, splitVersion and compareVersions.
# Result: counts and short strings.
let
  inherit (builtins)
    compareVersions concatStringsSep elemAt filter foldl' genList head
    isList length match parseDrvName split splitVersion;
  str = toString;
  mod = a: b: a - a / b * b;

  words = [ "hello" "gnu-hello" "python3" "libfoo" "perl-XML-Parser" "rust-bin" "x11" "zlib-ng" ];
  names = genList (i:
    let w = elemAt words (mod i 8); in
    "${w}-${str (mod i 5)}.${str (mod (i * 7) 13)}.${str (mod i 3)}${if mod i 4 == 0 then "-rc${str (mod i 9)}" else ""}") 30000;

  # Name/version splitting with a capture-group regex.
  nameVersion = map (s: match "(.*)-([0-9][0-9a-z.-]*)" s) names;
  matched = filter (m: m != null) nameVersion;
  versionOf = m: elemAt m 1;

  # Same via parseDrvName and splitVersion, cross-checked.
  drvs = map parseDrvName names;
  agree = foldl' (acc: i:
    let m = elemAt nameVersion i; in
    if m != null && (elemAt drvs i).version == versionOf m then acc + 1 else acc)
    0 (genList (i: i) (length names));
  versionParts = foldl' (acc: d: acc + length (splitVersion d.version)) 0 drvs;
  newest = foldl' (best: d: if compareVersions d.version best > 0 then d.version else best) "0" drvs;

  # split on separators; count the separator matches (the list elements).
  paths = genList (i: "/nix/store/abc${str i}-pkg/lib/python3.${str (mod i 12)}/site-packages/mod${str i}/__init__.py") 20000;
  components = map (p: filter (x: !isList x && x != "") (split "/" p)) paths;
  componentCount = foldl' (acc: c: acc + length c) 0 components;
  dotted = map (s: split "([.-])" s) names;
  separatorCount = foldl' (acc: l: acc + length (filter isList l)) 0 dotted;

  # Validation-style anchored matches, like types.strMatching.
  emails = genList (i: if mod i 3 == 0 then "user${str i}@example.org" else "bad-${str i}.example") 20000;
  validEmails = length (filter (e: match "[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}" e != null) emails);
  options = genList (i: "services.svc${str i}.settings.port${str (mod i 10)} = ${str i};") 20000;
  parsedOptions = map (o: match "([a-zA-Z0-9_.]+) = ([0-9]+);" o) options;
  optionPathParts = foldl' (acc: m: acc + length (filter (x: !isList x) (split "\\." (head m)))) 0 parsedOptions;

  # Replace-all via split, as lib.replaceStrings cannot take patterns.
  squash = s: concatStringsSep "_" (filter (x: !isList x) (split "[^a-zA-Z0-9]+" s));
  squashed = map squash (genList (i: elemAt paths i) 10000);
in
{
  inherit agree versionParts newest componentCount separatorCount validEmails optionPathParts;
  matched = length matched;
  firstVersion = versionOf (head matched);
  lastSquashed = elemAt squashed 9999;
}
