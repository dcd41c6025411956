builtins.tryEval (abort "bad")
