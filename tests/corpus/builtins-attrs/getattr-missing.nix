builtins.getAttr "y" { x = 42; }
