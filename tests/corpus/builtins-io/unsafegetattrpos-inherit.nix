let v = 1; in builtins.unsafeGetAttrPos "v" { inherit v; }
