let lib = import ../../../lib; in
builtins.length (lib.unique (map (x: lib.mod x 97) (lib.range 1 2000)))
