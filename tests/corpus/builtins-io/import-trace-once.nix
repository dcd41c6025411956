let a = import ./data/traced.nix; b = import ./data/traced.nix; in a + b
