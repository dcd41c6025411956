let lib = import ../../../lib; in
[ (lib.removePrefix "foo." "foo.bar.baz") (lib.removePrefix "xxx" "foo.bar") (lib.removePrefix "" "a") (lib.removePrefix "abc" "ab")
  (lib.removeSuffix ".nix" "default.nix") (lib.removeSuffix "xxx" "a.nix") (lib.removeSuffix "" "a") (lib.removeSuffix "abc" "bc")
  (lib.removePrefix "a" "a") (lib.removeSuffix "é" "café") ]
