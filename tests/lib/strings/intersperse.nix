let lib = import ../../../lib; in
[ (lib.intersperse "," [ "a" "b" "c" ]) (lib.intersperse "," [ ]) (lib.intersperse "," [ "x" ]) (lib.intersperse 0 [ 1 2 ]) ]
