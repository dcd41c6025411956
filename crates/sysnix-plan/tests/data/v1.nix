import ./common.nix 1
