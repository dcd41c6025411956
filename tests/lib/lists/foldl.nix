let lib = import ../../../lib; in
[ (lib.foldl (acc: x: "(${acc}${x})") "" [ "a" "b" "c" ]) (lib.foldl (acc: x: acc - x) 10 [ 1 2 ])
  (lib.foldl (acc: x: acc) "nul" [ ]) ]
