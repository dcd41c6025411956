[ builtins.map (builtins.map (x: x)) ]
