# differs-from-2.8: builtin added in Nix 2.21
builtins.convertHash { hash = "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"; hashAlgo = "sha1"; toHashFormat = "base64"; }
