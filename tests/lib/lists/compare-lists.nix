let lib = import ../../../lib; in
[ (lib.compareLists lib.compare [ ] [ ]) (lib.compareLists lib.compare [ ] [ 1 ]) (lib.compareLists lib.compare [ 1 ] [ ])
  (lib.compareLists lib.compare [ 1 2 ] [ 1 3 ]) (lib.compareLists lib.compare [ "b" ] [ "a" "z" ]) (lib.compareLists lib.compare [ 1 2 ] [ 1 2 ]) ]
