let lib = import ../../../lib; in
[ (lib.reverseList [ 1 2 3 ]) (lib.reverseList [ ]) (lib.reverseList [ [ 1 2 ] 3 ]) ]
