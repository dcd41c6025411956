builtins.length ([ 1 ] ++ [ 2 ]) * 2
