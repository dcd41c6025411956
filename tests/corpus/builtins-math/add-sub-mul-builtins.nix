[ (builtins.add 2 3) (builtins.sub 2 3) (builtins.mul 2 3) (builtins.add 1.5 1) (builtins.sub 1 0.5) (builtins.mul 0.5 4) ]
