let length = x: "local"; in with builtins; length [ 1 ]
