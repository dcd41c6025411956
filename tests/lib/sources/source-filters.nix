let lib = import ../../../lib; in
let
  cleaned = lib.cleanSource ./data/tree;
  byRegex = lib.sourceByRegex ./data/tree [ "a\\.txt" "sub" "sub/.*\\.nix" ];
  bySuffix = lib.sourceFilesBySuffices ./data/tree [ ".nix" ];
  names = src: [ src.name src._isLibCleanSourceWith ];
  root = toString ./data/tree;
in
[ (names cleaned) (names (lib.cleanSourceWith { src = cleaned; name = "renamed"; }))
  (cleaned.filter (root + "/a.txt") "regular") (cleaned.filter (root + "/x.o") "regular")
  (byRegex.filter (root + "/a.txt") "regular") (byRegex.filter (root + "/b.md") "regular") (byRegex.filter (root + "/sub/c.nix") "regular")
  (bySuffix.filter (root + "/sub") "directory") (bySuffix.filter (root + "/a.txt") "regular") (bySuffix.filter (root + "/sub/c.nix") "regular") ]
