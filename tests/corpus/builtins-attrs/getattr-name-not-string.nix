builtins.getAttr 1 { x = 42; }
