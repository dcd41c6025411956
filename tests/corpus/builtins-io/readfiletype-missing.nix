# differs-from-2.8: builtin added in Nix 2.14
builtins.readFileType ./data/missing
