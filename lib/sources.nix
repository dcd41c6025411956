# Filtering source trees before they are copied to the store.
{ lib }:

let
  inherit (lib.strings) hasPrefix hasSuffix removePrefix;
in
rec {
  inherit (lib.filesystem) pathType pathIsDirectory pathIsRegularFile;

  # pathIsGitRepo :: path -> bool
  # Whether the directory holds a .git entry.
  pathIsGitRepo = path: builtins.pathExists (toString path + "/.git");

  # cleanSourceFilter :: string -> string -> bool
  # A source filter dropping version-control directories, editor backups
  # and swap files, object files, `result*` symlinks and special files.
  # Example: cleanSourceFilter "/src/.git" "directory" => false
  cleanSourceFilter = name: type:
    let base = baseNameOf (toString name); in
    !(
      base == ".git"
      || (type == "directory" && (base == ".svn" || base == "CVS" || base == ".hg"))
      || hasSuffix "~" base
      || builtins.match "^\\.sw[a-z]$" base != null
      || builtins.match "^\\..*\\.sw[a-z]$" base != null
      || hasSuffix ".o" base
      || hasSuffix ".so" base
      || (type == "symlink" && hasPrefix "result" base)
      || type == "unknown"
    );

  # canCleanSource :: any -> bool
  # Whether the value can be given to cleanSourceWith.
  canCleanSource = src: src ? _isLibCleanSourceWith || !(src ? outPath);

  # Split a (possibly already filtered) source into its parts.
  toSourceAttributes = src:
    let filtered = src ? _isLibCleanSourceWith; in {
      origSrc = if filtered then src.origSrc else src;
      filter = if filtered then src.filter else _: _: true;
      name = if filtered then src.name else "source";
    };

  # Build a filtered source from its parts; outPath copies it to the store.
  fromSourceAttributes = { origSrc, filter, name }: {
    _isLibCleanSourceWith = true;
    inherit origSrc filter name;
    outPath = builtins.path { inherit filter name; path = origSrc; };
  };

  # cleanSourceWith :: { src, filter?, name? } -> source
  # Restrict a source (or an already filtered one) with a further filter.
  # Example: cleanSourceWith { src = ./.; filter = path: type: type != "symlink"; }
  cleanSourceWith = { src, filter ? _: _: true, name ? null }:
    let orig = toSourceAttributes src; in
    fromSourceAttributes {
      inherit (orig) origSrc;
      filter = path: type: filter path type && orig.filter path type;
      name = if name != null then name else orig.name;
    };

  # cleanSource :: path -> source
  # cleanSourceWith cleanSourceFilter.
  cleanSource = src: cleanSourceWith { filter = cleanSourceFilter; inherit src; };

  # sourceByRegex :: path -> [string] -> source
  # Keep the files whose path relative to the source root matches one of the regexes.
  # Example: sourceByRegex ./. [ "src" "src/.*\\.c" ]
  sourceByRegex = src: regexes:
    let
      root = (toSourceAttributes src).origSrc;
      keep = path: type:
        let rel = removePrefix (toString root + "/") (toString path); in
        builtins.any (re: builtins.match re rel != null) regexes;
    in
    cleanSourceWith { filter = keep; inherit src; };

  # sourceFilesBySuffices :: path -> [string] -> source
  # Keep directories and the files ending in one of the suffixes.
  # Example: sourceFilesBySuffices ./. [ ".c" ".h" ]
  sourceFilesBySuffices = src: exts:
    cleanSourceWith {
      inherit src;
      filter = name: type:
        type == "directory" || builtins.any (ext: hasSuffix ext (baseNameOf (toString name))) exts;
    };

  # pathHasContext :: string -> bool
  # Whether a string carries store-path context.
  pathHasContext = builtins.hasContext;

  # commitIdFromGitRepo :: path -> string
  # The commit HEAD points to in a .git directory (follows one ref, then packed-refs).
  commitIdFromGitRepo = gitDir:
    let
      head = lib.strings.fileContents (gitDir + "/HEAD");
      ref = builtins.match "ref: (.*)" head;
      refFile = gitDir + "/${builtins.head ref}";
      packed = gitDir + "/packed-refs";
      fromPacked =
        let
          lines = lib.strings.splitString "\n" (builtins.readFile packed);
          hits = builtins.filter (m: m != null)
            (map (builtins.match "([0-9a-f]{40}) (.*)") lines);
          found = builtins.filter (m: builtins.elemAt m 1 == builtins.head ref) hits;
        in
        if found == [ ] then throw "commitIdFromGitRepo: cannot resolve ${builtins.head ref}"
        else builtins.head (builtins.head found);
    in
    if ref == null then head
    else if builtins.pathExists refFile then lib.strings.fileContents refFile
    else if builtins.pathExists packed then fromPacked
    else throw "commitIdFromGitRepo: cannot resolve ${builtins.head ref}";
}
