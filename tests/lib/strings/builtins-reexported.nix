let lib = import ../../../lib; in
[ (lib.stringLength "abc") (lib.substring 1 2 "abcd") (lib.strings.compareVersions "1.0" "1.1") (lib.strings.typeOf "s")
  (lib.strings.match "a(.)c" "abc") (lib.strings.split "," "a,b") (lib.strings.storeDir) (lib.typeOf 1) ]
