let lib = import ../../../lib; in
[ (lib.optionalAttrs true { a = 1; }) (lib.optionalAttrs false { a = 1; }) (lib.optionalAttrs false (throw "lazy"))
  ({ x = 0; } // lib.optionalAttrs true { y = 1; }) ]
