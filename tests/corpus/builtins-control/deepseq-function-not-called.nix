builtins.deepSeq { f = x: throw "in function"; } "ok"
