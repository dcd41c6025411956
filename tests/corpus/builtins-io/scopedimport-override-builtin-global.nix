scopedImport { map = f: l: "overridden"; } ./data/uses-builtins.nix
