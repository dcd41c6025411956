let lib = import ../../../lib; in
[ (lib.remove 3 [ 1 3 2 3 ]) (lib.remove "x" [ ]) (lib.remove [ 1 ] [ [ 1 ] [ 2 ] ]) ]
