let xs = builtins.genList (i: if i == 3 then throw "not forced" else i * i) 5; in builtins.elemAt xs 4
