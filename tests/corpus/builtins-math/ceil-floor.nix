[ (builtins.ceil 2.5) (builtins.floor 2.5) (builtins.ceil (-2.5)) (builtins.floor (-2.5)) (builtins.ceil 3) (builtins.floor 3) (builtins.ceil 2.0) ]
