let lib = import ../../../lib; in
[ (lib.concat [ 1 ] [ 2 ]) (lib.or true false) (lib.or false false) (lib.and true false)
  (lib.and true true) (lib.xor true true) (lib.xor true false) (lib.xor false false)
  (lib.boolToString true) (lib.boolToString false) ]
