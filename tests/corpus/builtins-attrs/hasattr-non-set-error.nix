builtins.hasAttr "a" 5
