# Functions on strings.
{ lib }:

let
  inherit (builtins)
    length elemAt head tail filter isList isString isAttrs isPath isInt
    stringLength substring replaceStrings match split concatStringsSep
    genList typeOf elem
    ;

  # Printable ASCII characters (32..126), in order.
  printableAscii =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

  # character -> code, for tab, newline, carriage return and printable ASCII.
  asciiCodes =
    builtins.listToAttrs (genList (i: { name = substring i 1 printableAscii; value = i + 32; })
      (stringLength printableAscii))
    // { "\t" = 9; "\n" = 10; "\r" = 13; };
in
rec {

  # Re-exported builtins.
  inherit (builtins)
    compareVersions elem elemAt filter fromJSON genList head isInt isList
    isAttrs isPath isString match parseDrvName readFile replaceStrings split
    storeDir stringLength substring tail toJSON typeOf
    unsafeDiscardStringContext concatStringsSep
    ;

  # concatStrings :: [string] -> string
  # Join strings with no separator.
  # Example: concatStrings [ "a" "b" ] => "ab"
  concatStrings = concatStringsSep "";

  # concatMapStrings :: (a -> string) -> [a] -> string
  # Map, then concatenate.
  # Example: concatMapStrings (x: x + ";") [ "a" "b" ] => "a;b;"
  concatMapStrings = f: list: concatStrings (map f list);

  # concatImapStrings :: (int -> a -> string) -> [a] -> string
  # Map with 1-based index, then concatenate.
  # Example: concatImapStrings (i: x: "${toString i}${x}") [ "a" "b" ] => "1a2b"
  concatImapStrings = f: list: concatStrings (lib.lists.imap1 f list);

  # intersperse :: a -> [a] -> [a]
  # Put the separator between consecutive elements.
  # Example: intersperse "," [ "a" "b" ] => [ "a" "," "b" ]
  intersperse = sep: list:
    if list == [ ] || length list == 1 then list
    else tail (builtins.concatMap (x: [ sep x ]) list);

  # concatStringsSep :: string -> [string] -> string (builtin, re-exported above)
  # Example: concatStringsSep "/" [ "usr" "bin" ] => "usr/bin"

  # concatMapStringsSep :: string -> (a -> string) -> [a] -> string
  # Map, then join with a separator.
  # Example: concatMapStringsSep "-" toString [ 1 2 ] => "1-2"
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);

  # concatImapStringsSep :: string -> (int -> a -> string) -> [a] -> string
  # Map with 1-based index, then join with a separator.
  # Example: concatImapStringsSep "-" (i: x: "${toString i}${x}") [ "a" "b" ] => "1a-2b"
  concatImapStringsSep = sep: f: list: concatStringsSep sep (lib.lists.imap1 f list);

  # concatMapAttrsStringSep :: string -> (string -> a -> string) -> attrs -> string
  # Map attributes (in name order) to strings and join with a separator.
  # Example: concatMapAttrsStringSep "," (n: v: "${n}=${v}") { a = "1"; } => "a=1"
  concatMapAttrsStringSep = sep: f: set:
    concatStringsSep sep (builtins.attrValues (builtins.mapAttrs f set));

  # concatLines :: [string] -> string
  # Terminate every string with a newline and concatenate.
  # Example: concatLines [ "a" "b" ] => "a\nb\n"
  concatLines = concatMapStrings (s: s + "\n");

  # replaceString :: string -> string -> string -> string
  # Replace every occurrence of one string.
  # Example: replaceString "a" "o" "banana" => "bonono"
  replaceString = from: to: replaceStrings [ from ] [ to ];

  # replicate :: int -> string -> string
  # The string repeated n times.
  # Example: strings.replicate 3 "ab" => "ababab"
  replicate = n: s: concatStrings (lib.lists.replicate n s);

  # makeSearchPath :: string -> [string] -> string
  # Colon-separated "<path>/<subDir>" for every non-null path.
  # Example: makeSearchPath "bin" [ "/a" "/b" ] => "/a/bin:/b/bin"
  makeSearchPath = subDir: paths:
    concatStringsSep ":" (map (p: p + "/" + subDir) (filter (p: p != null) paths));

  # makeSearchPathOutput :: string -> string -> [derivation] -> string
  # makeSearchPath over the given output of each package.
  # Example: makeSearchPathOutput "dev" "bin" [ pkg ] => "<pkg.dev>/bin"
  makeSearchPathOutput = output: subDir: pkgs:
    makeSearchPath subDir (map (lib.attrsets.getOutput output) pkgs);

  # makeLibraryPath, makeIncludePath, makeBinPath :: [derivation] -> string
  # Search paths for lib/, include/ and bin/ of packages.
  # Example: makeBinPath [ "/x" ] => "/x/bin"
  makeLibraryPath = makeSearchPathOutput "lib" "lib";
  makeIncludePath = makeSearchPathOutput "dev" "include";
  makeBinPath = makeSearchPathOutput "bin" "bin";

  # normalizePath :: string -> string
  # Collapse runs of slashes into one.
  # Example: normalizePath "/a//b///c/" => "/a/b/c/"
  normalizePath = s:
    builtins.foldl' (acc: c: if c == "/" && hasSuffix "/" acc then acc else acc + c)
      "" (stringToCharacters s);

  # optionalString :: bool -> string -> string
  # The string when the condition holds, else "".
  # Example: optionalString false "x" => ""
  optionalString = cond: s: if cond then s else "";

  # hasPrefix :: string -> string -> bool
  # Whether the string starts with the prefix.
  # Example: hasPrefix "foo" "foobar" => true
  hasPrefix = prefix: s: substring 0 (stringLength prefix) s == prefix;

  # hasSuffix :: string -> string -> bool
  # Whether the string ends with the suffix.
  # Example: hasSuffix "bar" "foobar" => true
  hasSuffix = suffix: s:
    let n = stringLength s; k = stringLength suffix; in
    n >= k && substring (n - k) n s == suffix;

  # hasInfix :: string -> string -> bool
  # Whether the string contains the infix.
  # Example: hasInfix "ob" "foobar" => true
  hasInfix = infix: s: match ".*${escapeRegex infix}.*" "${s}" != null;

  # stringToCharacters :: string -> [string]
  # The string as a list of one-byte strings.
  # Example: stringToCharacters "abc" => [ "a" "b" "c" ]
  stringToCharacters = s: genList (i: substring i 1 s) (stringLength s);

  # stringAsChars :: (string -> string) -> string -> string
  # Map every character (byte) and concatenate.
  # Example: stringAsChars (c: if c == "a" then "A" else c) "banana" => "bAnAnA"
  stringAsChars = f: s: concatMapStrings f (stringToCharacters s);

  # charToInt :: string -> int
  # ASCII code of a character (tab, newline, CR and printable characters).
  # Example: charToInt "A" => 65
  charToInt = c: builtins.getAttr c asciiCodes;

  # escape :: [string] -> string -> string
  # Prefix every occurrence of the given characters with a backslash.
  # Example: escape [ "(" ")" ] "(foo)" => "\\(foo\\)"
  escape = chars: replaceStrings chars (map (c: "\\${c}") chars);

  # escapeC :: [string] -> string -> string
  # Replace the given characters by C-style \x escapes (lower-case hex, no padding).
  # Example: escapeC [ " " ] "a b" => "a\\x20b"
  escapeC = chars:
    replaceStrings chars
      (map (c: "\\x${toLower (lib.trivial.toHexString (charToInt c))}") chars);

  # escapeURL :: string -> string
  # Percent-encode every ASCII character except unreserved ones (RFC 3986).
  # Example: escapeURL "a b/c" => "a%20b%2Fc"
  escapeURL =
    let
      unreserved = stringToCharacters
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
      toEscape = builtins.removeAttrs asciiCodes unreserved;
      names = builtins.attrNames toEscape;
    in
    replaceStrings names
      (map (c: "%${fixedWidthString 2 "0" (lib.trivial.toHexString toEscape.${c})}") names);

  # escapeShellArg :: any -> string
  # Quote a value for a POSIX shell (unchanged when it is already safe).
  # Example: escapeShellArg "it's" => "'it'\\''s'"
  escapeShellArg = arg:
    let s = toString arg; in
    if match "[[:alnum:],._+:@%/-]+" s == null
    then "'${replaceStrings [ "'" ] [ "'\\''" ] s}'"
    else s;

  # escapeShellArgs :: [any] -> string
  # escapeShellArg each element and join with spaces.
  # Example: escapeShellArgs [ "a b" "c" ] => "'a b' c"
  escapeShellArgs = concatMapStringsSep " " escapeShellArg;

  # isValidPosixName :: string -> bool
  # Whether the string is a valid POSIX shell variable name.
  # Example: isValidPosixName "foo_1" => true
  isValidPosixName = name: match "[a-zA-Z_][a-zA-Z0-9_]*" name != null;

  # toShellVar :: string -> any -> string
  # A bash assignment for a value: associative arrays for attribute sets,
  # indexed arrays for lists, plain assignment otherwise.
  # Example: toShellVar "x" [ 1 "b c" ] => "declare -a x=(1 'b c')"
  toShellVar = name: value:
    lib.trivial.throwIfNot (isValidPosixName name)
      "toShellVar: ${name} is not a valid shell variable name"
      (if isAttrs value && !(isStringLike value) then
        "declare -A ${name}=(${concatStringsSep " "
          (lib.attrsets.mapAttrsToList (k: v: "[${escapeShellArg k}]=${escapeShellArg v}") value)})"
      else if isList value then
        "declare -a ${name}=(${escapeShellArgs value})"
      else
        "${name}=${escapeShellArg value}");

  # toShellVars :: attrs -> string
  # toShellVar for every attribute, one per line.
  # Example: toShellVars { a = 1; } => "a=1"
  toShellVars = vars: concatStringsSep "\n" (lib.attrsets.mapAttrsToList toShellVar vars);

  # escapeNixString :: string -> string
  # A Nix string literal (double-quoted) denoting the string.
  # Example: escapeNixString "a$b" => "\"a\\$b\""
  escapeNixString = s: escape [ "$" ] (builtins.toJSON s);

  # escapeRegex :: string -> string
  # Escape POSIX extended regex metacharacters.
  # Example: escapeRegex "a.b" => "a\\.b"
  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");

  # escapeNixIdentifier :: string -> string
  # The name as is when it is a valid Nix identifier, else quoted.
  # Example: escapeNixIdentifier "0abc" => "\"0abc\""
  escapeNixIdentifier = s:
    if match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null then s else escapeNixString s;

  # escapeXML :: string -> string
  # Escape the five XML special characters.
  # Example: escapeXML "<a & b>" => "&lt;a &amp; b&gt;"
  escapeXML = replaceStrings
    [ "\"" "'" "<" ">" "&" ]
    [ "&quot;" "&apos;" "&lt;" "&gt;" "&amp;" ];

  # replaceChars :: deprecated alias of builtins.replaceStrings.
  replaceChars = lib.trivial.warn
    "lib.replaceChars is a deprecated alias of lib.replaceStrings." replaceStrings;

  # lowerChars, upperChars :: [string]
  # The ASCII letters.
  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  # toLower, toUpper :: string -> string
  # ASCII case conversion (other bytes unchanged).
  # Example: toUpper "héllo" => "HéLLO"
  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;

  # toSentenceCase :: string -> string
  # Upper-case the first character, lower-case the rest.
  # Example: toSentenceCase "hELLO" => "Hello"
  toSentenceCase = s:
    addContextFrom s (toUpper (substring 0 1 s) + toLower (substring 1 (stringLength s) s));

  # addContextFrom :: string -> string -> string
  # The second string carrying the string context of the first.
  addContextFrom = src: target: substring 0 0 src + target;

  # splitString :: string -> string -> [string]
  # Split at every occurrence of a separator (taken literally).
  # Example: splitString "." "a.b.c" => [ "a" "b" "c" ]
  splitString = sep: s:
    map (addContextFrom s) (filter isString (split (escapeRegex (toString sep)) (toString s)));

  # removePrefix :: string -> string -> string
  # Strip the prefix if present.
  # Example: removePrefix "foo." "foo.bar" => "bar"
  removePrefix = prefix: s:
    let n = stringLength prefix; in
    if substring 0 n s == prefix then substring n (stringLength s) s else s;

  # removeSuffix :: string -> string -> string
  # Strip the suffix if present.
  # Example: removeSuffix ".nix" "a.nix" => "a"
  removeSuffix = suffix: s:
    let n = stringLength s; k = stringLength suffix; in
    if k <= n && substring (n - k) k s == suffix then substring 0 (n - k) s else s;

  # versionOlder :: string -> string -> bool
  # Whether the first version is strictly older than the second.
  # Example: versionOlder "1.1" "1.2" => true
  versionOlder = a: b: builtins.compareVersions b a == 1;

  # versionAtLeast :: string -> string -> bool
  # Whether the first version is the second or newer.
  # Example: versionAtLeast "1.2" "1.2" => true
  versionAtLeast = a: b: !(versionOlder a b);

  # getName :: (string | derivation) -> string
  # The package name of a "name-version" string or a derivation.
  # Example: getName "hello-2.12" => "hello"
  getName = x:
    if isString x then (builtins.parseDrvName x).name
    else x.pname or (builtins.parseDrvName x.name).name;

  # getVersion :: (string | derivation) -> string
  # The version of a "name-version" string or a derivation.
  # Example: getVersion "hello-2.12" => "2.12"
  getVersion = x:
    if isString x then (builtins.parseDrvName x).version
    else x.version or (builtins.parseDrvName x.name).version;

  # nameFromURL :: string -> string -> string
  # The part of a URL's last component before the separator.
  # Example: nameFromURL "https://x.org/hello-1.0.tar.gz" "-" => "hello"
  nameFromURL = url: sep:
    let
      file = lib.lists.last (splitString "/" url);
      name = head (splitString sep file);
    in
    assert name != file; name;

  # cmakeOptionType :: string -> string -> string -> string
  # A typed CMake cache definition.
  # Example: cmakeOptionType "string" "ENGINE" "x" => "-DENGINE:STRING=x"
  cmakeOptionType = type: feature: value:
    assert elem (toUpper type) [ "BOOL" "FILEPATH" "PATH" "STRING" "INTERNAL" ];
    assert isString feature;
    assert isString value;
    "-D${feature}:${toUpper type}=${value}";

  # cmakeBool :: string -> bool -> string
  # A CMake BOOL definition.
  # Example: cmakeBool "X" true => "-DX:BOOL=TRUE"
  cmakeBool = name: flag:
    assert isString name;
    assert builtins.isBool flag;
    cmakeOptionType "bool" name (toUpper (lib.trivial.boolToString flag));

  # cmakeFeature :: string -> string -> string
  # A CMake STRING definition.
  # Example: cmakeFeature "X" "y" => "-DX:STRING=y"
  cmakeFeature = feature: value:
    assert isString feature;
    assert isString value;
    cmakeOptionType "string" feature value;

  # mesonOption :: string -> string -> string
  # A Meson -D option.
  # Example: mesonOption "x" "y" => "-Dx=y"
  mesonOption = feature: value:
    assert isString feature;
    assert isString value;
    "-D${feature}=${value}";

  # mesonBool :: string -> bool -> string
  # A boolean Meson option.
  # Example: mesonBool "x" false => "-Dx=false"
  mesonBool = name: flag:
    assert isString name;
    assert builtins.isBool flag;
    mesonOption name (lib.trivial.boolToString flag);

  # mesonEnable :: string -> bool -> string
  # A Meson feature option.
  # Example: mesonEnable "x" true => "-Dx=enabled"
  mesonEnable = feature: flag:
    assert isString feature;
    assert builtins.isBool flag;
    mesonOption feature (if flag then "enabled" else "disabled");

  # enableFeature :: bool -> string -> string
  # An autoconf --enable-/--disable- flag.
  # Example: enableFeature false "x" => "--disable-x"
  enableFeature = flag: name:
    assert builtins.isBool flag;
    assert isString name;
    "--${if flag then "enable" else "disable"}-${name}";

  # enableFeatureAs :: bool -> string -> string -> string
  # enableFeature with a value when enabled.
  # Example: enableFeatureAs true "x" "y" => "--enable-x=y"
  enableFeatureAs = flag: name: value:
    enableFeature flag name + optionalString flag "=${value}";

  # withFeature :: bool -> string -> string
  # An autoconf --with-/--without- flag.
  # Example: withFeature true "x" => "--with-x"
  withFeature = flag: name:
    assert isString name;
    assert builtins.isBool flag;
    "--${if flag then "with" else "without"}-${name}";

  # withFeatureAs :: bool -> string -> string -> string
  # withFeature with a value when enabled.
  # Example: withFeatureAs true "x" "y" => "--with-x=y"
  withFeatureAs = flag: name: value:
    withFeature flag name + optionalString flag "=${value}";

  # fixedWidthString :: int -> string -> string -> string
  # Left-pad a string with the filler up to the width; throws when too long.
  # Example: fixedWidthString 5 "0" "12" => "00012"
  fixedWidthString = width: filler: s:
    let n = stringLength s; in
    assert lib.asserts.assertMsg (n <= width)
      "fixedWidthString: requested string length (${toString width}) must not be shorter than actual length (${toString n})";
    if n == width then s
    else filler + fixedWidthString (width - stringLength filler) filler s;

  # fixedWidthNumber :: int -> int -> string
  # Zero-pad a number to the width.
  # Example: fixedWidthNumber 3 7 => "007"
  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);

  # floatToString :: float -> string
  # toString of a float, warning when that loses precision.
  # Example: floatToString 0.5 => "0.500000"
  floatToString = f:
    let s = toString f; in
    lib.trivial.warnIf (f != builtins.fromJSON s)
      "Imprecise conversion from float to string ${s}" s;

  # isConvertibleWithToString :: any -> bool
  # Whether toString accepts the value (string-likes, null, numbers, bools,
  # and lists of such).
  # Example: isConvertibleWithToString [ 1 null ] => true
  isConvertibleWithToString = x:
    isStringLike x
    || elem (typeOf x) [ "null" "int" "float" "bool" ]
    || (isList x && builtins.all isConvertibleWithToString x);

  # isCoercibleToString :: deprecated alias of isConvertibleWithToString.
  isCoercibleToString = lib.trivial.warnIf (lib.trivial.isInOldestRelease 2305)
    "lib.strings.isCoercibleToString is deprecated in favor of either isStringLike or isConvertibleWithToString. Only use the latter if it needs to return true for null, numbers, booleans and list of similarly coercibles."
    isConvertibleWithToString;

  # isStringLike :: any -> bool
  # Whether the value coerces to a string in interpolation (strings, paths,
  # sets with outPath or __toString).
  # Example: isStringLike ./. => true
  isStringLike = x: isString x || isPath x || x ? outPath || x ? __toString;

  # isStorePath :: any -> bool
  # Whether the value is (the path of) a top-level store object.
  # Example: isStorePath "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x" => true
  isStorePath = x:
    isStringLike x && (
      let s = toString x; in
      substring 0 1 s == "/" && dirOf s == builtins.storeDir);

  # toInt :: string -> int
  # Parse a decimal integer, surrounding whitespace allowed; throws on
  # anything else, including zero padding (octal ambiguity).
  # Example: toInt " -12 " => -12
  toInt = s:
    let
      m = match "[[:space:]]*(-?[[:digit:]]+)[[:space:]]*" s;
      digits = head m;
      value = builtins.fromJSON digits;
    in
    if m == null then throw "toInt: Could not convert ${escapeNixString s} to int."
    else if match "0[[:digit:]]+" digits != null then
      throw "toInt: Ambiguity in interpretation of ${escapeNixString s} between octal and zero padded integer."
    else if !(isInt value) then throw "toInt: Could not convert ${escapeNixString s} to int."
    else value;

  # toIntBase10 :: string -> int
  # Parse a decimal integer, allowing zero padding.
  # Example: toIntBase10 "007" => 7
  toIntBase10 = s:
    let
      m = match "[[:space:]]*0*(-?[[:digit:]]+)[[:space:]]*" s;
      digits = head m;
      value = builtins.fromJSON digits;
    in
    if m == null then throw "toIntBase10: Could not convert ${escapeNixString s} to int."
    else if match "0+" digits != null then 0
    else if !(isInt value) then throw "toIntBase10: Could not convert ${escapeNixString s} to int."
    else value;

  # readPathsFromFile :: path -> path -> [path] (deprecated)
  # Paths listed one per line in a file (comments and blanks skipped),
  # relative to a root.
  readPathsFromFile = lib.trivial.warn "lib.readPathsFromFile is deprecated, use a list instead."
    (root: file:
      let
        lines = splitString "\n" (builtins.readFile file);
        kept = filter (l: l != "" && !(hasPrefix "#" l)) lines;
      in
      map (p: root + "/${p}") kept);

  # fileContents :: path -> string
  # A file's contents without the final newline.
  # Example: fileContents ./version => "1.0"
  fileContents = file: removeSuffix "\n" (builtins.readFile file);

  # sanitizeDerivationName :: string -> string
  # Turn any string into a valid store path name.
  # Example: sanitizeDerivationName "../hello world" => "hello-world"
  sanitizeDerivationName = s:
    if stringLength s <= 207 && match "[[:alnum:]+_?=-][[:alnum:]+._?=-]*" s != null
    then unsafeDiscardStringContext s
    else
      let
        plain = unsafeDiscardStringContext s;
        noDots = head (match "\\.*(.*)" plain);
        replaced = concatMapStrings (p: if isList p then "-" else p)
          (split "[^[:alnum:]+._?=-]+" noDots);
        n = stringLength replaced;
        clipped = substring (lib.trivial.max (n - 207) 0) (-1) replaced;
      in
      if clipped == "" then "unknown" else clipped;

  # levenshtein :: string -> string -> int
  # Edit distance (insertions, deletions, substitutions) between two strings.
  # Example: levenshtein "kitten" "sitting" => 3
  levenshtein = a: b:
    let
      la = stringLength a;
      lb = stringLength b;
      # One row of the distance table per prefix of a, built from the previous row.
      nextRow = prev: i:
        let
          ca = substring (i - 1) 1 a;
          row = genList
            (j:
              if j == 0 then i
              else
                let
                  del = elemAt prev j + 1;
                  ins = elemAt row (j - 1) + 1;
                  sub = elemAt prev (j - 1) + (if ca == substring (j - 1) 1 b then 0 else 1);
                in
                lib.trivial.min (lib.trivial.min del ins) sub)
            (lb + 1);
        in
        builtins.deepSeq row row;
      firstRow = genList (j: j) (lb + 1);
      lastRow = builtins.foldl' nextRow firstRow (genList (i: i + 1) la);
    in
    elemAt lastRow lb;

  # commonPrefixLength :: string -> string -> int
  # Length of the longest common prefix.
  # Example: commonPrefixLength "foobar" "fooz" => 3
  commonPrefixLength = a: b:
    let
      m = lib.trivial.min (stringLength a) (stringLength b);
      go = i: if i < m && substring i 1 a == substring i 1 b then go (i + 1) else i;
    in
    go 0;

  # commonSuffixLength :: string -> string -> int
  # Length of the longest common suffix.
  # Example: commonSuffixLength "foobar" "xbar" => 3
  commonSuffixLength = a: b:
    let
      la = stringLength a;
      lb = stringLength b;
      m = lib.trivial.min la lb;
      go = i:
        if i < m && substring (la - i - 1) 1 a == substring (lb - i - 1) 1 b
        then go (i + 1) else i;
    in
    go 0;

  # levenshteinAtMost :: int -> string -> string -> bool
  # Whether the edit distance is at most k (cheap for small k).
  # Example: levenshteinAtMost 1 "foo" "boo" => true
  levenshteinAtMost = k: a: b:
    let
      p = commonPrefixLength a b;
      a1 = substring p (-1) a;
      b1 = substring p (-1) b;
      q = commonSuffixLength a1 b1;
      a2 = substring 0 (stringLength a1 - q) a1;
      b2 = substring 0 (stringLength b1 - q) b1;
      diff = stringLength a2 - stringLength b2;
    in
    if k <= 0 then a == b
    else if diff > k || -diff > k then false
    else levenshtein a2 b2 <= k;

  # trimWith :: { start ? false, end ? false } -> string -> string
  # Remove leading and/or trailing whitespace (space, tab, CR, LF).
  # Example: trimWith { start = true; } "  a  " => "a  "
  trimWith = { start ? false, end ? false }: s:
    let
      ws = " \t\r\n";
      regex =
        if start && end then "[${ws}]*(.*[^${ws}])[${ws}]*"
        else if start then "[${ws}]*(.*)"
        else if end then "(.*[^${ws}])[${ws}]*"
        else "(.*)";
      m = match regex s;
    in
    if m == null then "" else head m;

  # trim :: string -> string
  # Remove leading and trailing whitespace.
  # Example: trim "  a b \n" => "a b"
  trim = trimWith { start = true; end = true; };
}
