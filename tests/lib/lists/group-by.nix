let lib = import ../../../lib; in
[ (lib.groupBy (x: if x > 2 then "big" else "small") [ 1 2 3 4 ])
  (lib.groupBy (x: x.n) [ { n = "a"; v = 1; } { n = "b"; v = 2; } { n = "a"; v = 3; } ])
  (lib.groupBy (x: "k") [ ])
  (lib.groupBy' builtins.add 0 (x: if x > 2 then "big" else "small") [ 1 2 3 4 ])
  (lib.groupBy' (acc: x: acc ++ [ x ]) [ "start" ] (x: x) [ "a" "b" "a" ]) ]
