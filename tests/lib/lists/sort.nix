let lib = import ../../../lib; in
[ (lib.sort (a: b: a < b) [ 3 1 2 ]) (lib.sort (a: b: a > b) [ "b" "c" "a" ]) (lib.sort (a: b: a < b) [ ])
  (lib.sort (a: b: a.k < b.k) [ { k = 2; v = "a"; } { k = 1; v = "b"; } { k = 2; v = "c"; } ]) ]
