[ (builtins.typeOf builtins) (map (x: x) [1]) ]
