import ./data/add.nix { a = 1; }
