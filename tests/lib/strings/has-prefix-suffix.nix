let lib = import ../../../lib; in
[ (lib.hasPrefix "foo" "foobar") (lib.hasPrefix "bar" "foobar") (lib.hasPrefix "" "x") (lib.hasPrefix "long" "lo")
  (lib.hasSuffix "bar" "foobar") (lib.hasSuffix "foo" "foobar") (lib.hasSuffix "" "") (lib.hasSuffix "long" "ng")
  (lib.hasPrefix "é" "éa") (lib.hasSuffix "ü" "aü") ]
