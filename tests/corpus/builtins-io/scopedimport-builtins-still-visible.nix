scopedImport { } ./data/uses-builtins.nix
