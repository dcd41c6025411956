builtins.unsafeGetAttrPos "value" (import ./data/attrs.nix)
