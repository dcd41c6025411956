let lib = import ../../../lib; in
[ (lib.singleton "x") (lib.singleton [ ]) (lib.forEach [ 1 2 ] (x: x * 2)) (lib.forEach [ ] (x: x)) ]
