builtins.seq (throw "forced") 1
