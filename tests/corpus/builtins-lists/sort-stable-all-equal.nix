map (x: x.v) (builtins.sort (a: b: false) (builtins.genList (i: { v = i; }) 12))
