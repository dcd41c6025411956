import ./data/undefined.nix
