let lib = import ../../../lib; in
[ (lib.foldr (x: acc: "${x}${acc}") "!" [ "a" "b" "c" ]) (lib.foldr (x: acc: [ x ] ++ acc) [ ] [ 1 2 3 ])
  (lib.foldr (x: acc: x) "nul" [ ]) (lib.fold (x: acc: x + acc) 0 [ 1 2 3 ]) ]
