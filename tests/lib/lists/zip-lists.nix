let lib = import ../../../lib; in
[ (lib.zipListsWith (a: b: a + b) [ 1 2 ] [ 10 20 30 ]) (lib.zipLists [ 1 2 ] [ "a" "b" ])
  (lib.zipLists [ ] [ 1 ]) (lib.zipListsWith (a: b: [ a b ]) [ "x" "y" "z" ] [ 1 ]) ]
