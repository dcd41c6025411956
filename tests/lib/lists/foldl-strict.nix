let lib = import ../../../lib; in
[ (lib.foldl' (acc: x: acc + x) 0 [ 1 2 3 4 ]) (lib.foldl' (acc: x: acc ++ [ x ]) [ ] [ 1 2 ])
  (lib.foldl' (acc: x: acc) 1 [ ]) (lib.foldl' (acc: x: acc * x) 1 (lib.range 1 10)) ]
