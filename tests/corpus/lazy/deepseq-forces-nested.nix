builtins.deepSeq { a = [ (throw "forced deep") ]; } "unreached"
