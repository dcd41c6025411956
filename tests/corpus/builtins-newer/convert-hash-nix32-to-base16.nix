# differs-from-2.8: builtin added in Nix 2.21
builtins.convertHash { hash = "9m1skbnr5i43n3yypvda5s65vhfwdx5a"; hashAlgo = "sha1"; toHashFormat = "base16"; }
