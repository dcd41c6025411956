let x = 1; in import ./data/uses-x.nix
