let lib = import ../../../lib; in
[ (lib.optionalString true "x") (lib.optionalString false "x") (lib.optionalString false (throw "lazy")) ("a" + lib.optionalString (1 > 0) "b") ]
