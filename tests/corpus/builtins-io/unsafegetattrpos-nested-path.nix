builtins.unsafeGetAttrPos "y" { x.y = 1; }.x
