builtins.tryEval (builtins.deepSeq [ (throw "forced") ] 1)
