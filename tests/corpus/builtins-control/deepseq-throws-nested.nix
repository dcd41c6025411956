builtins.deepSeq { a = { b = throw "deep"; }; } "unreached"
