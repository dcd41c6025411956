import ./data/throws.nix
