# the error raised by the function names the attribute; other values are still fine
let r = builtins.mapAttrs (n: v: if n == "b" then throw "bad ${n}" else v * 2) { a = 1; b = 2; }; in [ r.a r.b ]
