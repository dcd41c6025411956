scopedImport { x = 1; y = 100; } ./data/x-and-local.nix
