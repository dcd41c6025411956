let lib = import ../../../lib; in
[ (lib.findSingle (x: x == 3) "none" "multiple" [ 1 3 3 ]) (lib.findSingle (x: x == 3) "none" "multiple" [ 1 3 ])
  (lib.findSingle (x: x == 3) "none" "multiple" [ 1 ]) (lib.findSingle (x: true) "none" "multiple" [ ]) ]
