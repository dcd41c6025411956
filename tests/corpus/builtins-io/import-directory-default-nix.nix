(import ./data/imports-dir.nix).inner
