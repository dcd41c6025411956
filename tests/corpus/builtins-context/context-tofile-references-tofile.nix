let dep = builtins.toFile "dep" "dependency"; f = builtins.toFile "user" "uses ${dep}"; in [ f (builtins.getContext f) ]
