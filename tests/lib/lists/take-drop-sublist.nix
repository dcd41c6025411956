let lib = import ../../../lib; in
[ (lib.take 2 [ 1 2 3 ]) (lib.take 5 [ 1 2 ]) (lib.take 0 [ 1 ]) (lib.drop 2 [ 1 2 3 ]) (lib.drop 5 [ 1 ]) (lib.drop 0 [ 1 ])
  (lib.sublist 1 2 [ "a" "b" "c" "d" ]) (lib.sublist 3 5 [ "a" "b" "c" "d" ]) (lib.sublist 9 1 [ 1 ]) ]
