builtins.seq (throw "seq forced") 2
