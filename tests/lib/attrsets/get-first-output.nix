let lib = import ../../../lib; in
let pkg = { out = "OUT"; dev = "DEV"; include = "INC"; lib = "LIB"; }; in
[ (lib.getInclude pkg) (lib.attrsets.getStatic pkg) (lib.attrsets.getFirstOutput [ "x" "dev" ] pkg)
  (lib.attrsets.getFirstOutput [ "x" ] { y = 1; }) ]
