let lib = import ../../../lib; in
[ (lib.concatMap (x: [ x x ]) [ 1 2 ]) (lib.concatMap (x: [ ]) [ 1 2 ]) (lib.flatten [ 1 [ 2 [ 3 [ ] ] ] [ [ [ 4 ] ] ] ])
  (lib.flatten 5) (lib.flatten [ ]) (lib.flatten [ { a = [ 1 ]; } ]) (lib.concatLists [ [ 1 ] [ ] [ 2 3 ] ]) ]
