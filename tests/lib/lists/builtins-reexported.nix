let lib = import ../../../lib; in
[ (lib.elemAt [ 1 2 ] 1) (lib.head [ 1 2 ]) (lib.tail [ 1 2 ]) (lib.length [ 1 2 ]) (lib.filter (x: x > 1) [ 1 2 3 ])
  (lib.elem 2 [ 1 2 ]) (lib.genList (x: x * x) 4) (lib.lists.length [ ]) (lib.lists.elemAt [ "a" ] 0) ]
