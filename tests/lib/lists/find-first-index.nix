let lib = import ../../../lib; in
[ (lib.findFirstIndex (x: x > 3) null [ 1 6 4 ]) (lib.findFirstIndex (x: x > 9) null [ 1 6 4 ])
  (lib.findFirstIndex (x: x > 9) "none" [ ]) (lib.findFirstIndex (x: x == "b") (-1) [ "a" "b" "b" ]) ]
