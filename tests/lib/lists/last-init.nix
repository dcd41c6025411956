let lib = import ../../../lib; in
[ (lib.last [ 1 2 3 ]) (lib.last [ "x" ]) (lib.init [ 1 2 3 ]) (lib.init [ 1 ]) ]
