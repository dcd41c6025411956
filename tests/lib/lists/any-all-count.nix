let lib = import ../../../lib; in
[ (lib.any (x: x > 1) [ 1 2 ]) (lib.any (x: x > 5) [ 1 2 ]) (lib.any (x: true) [ ]) (lib.all (x: x > 0) [ 1 2 ])
  (lib.all (x: x > 1) [ 1 2 ]) (lib.all (x: false) [ ]) (lib.count (x: x == 1) [ 1 2 1 ]) (lib.count (x: true) [ ]) ]
