map (x: builtins.trace "elem ${toString x}" x) [ 1 2 3 ]
