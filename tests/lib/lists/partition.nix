let lib = import ../../../lib; in
[ (lib.partition (x: x > 2) [ 5 1 2 3 4 ]) (lib.partition (x: true) [ ]) ]
