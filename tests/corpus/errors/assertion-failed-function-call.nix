let check = v: assert builtins.isInt v; v; in check "s"
