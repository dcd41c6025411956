import ./common.nix 2
