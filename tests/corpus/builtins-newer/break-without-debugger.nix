# differs-from-2.8: builtin added in Nix 2.9
builtins.break 3
