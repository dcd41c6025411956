# differs-from-2.8: builtin added in Nix 2.21
builtins.convertHash { hash = "5d41402abc4b2a76b9719d911017c592"; hashAlgo = "md5"; toHashFormat = "sri"; }
