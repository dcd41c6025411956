# a curried function of three arguments: each value is a function of the third
let r = builtins.mapAttrs (n: v: x: "${n}${toString (v + x)}") { a = 1; b = 2; }; in [ (r.a 10) (r.b 20) ]
