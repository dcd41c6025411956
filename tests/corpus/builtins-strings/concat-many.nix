builtins.concatStringsSep "" (builtins.genList toString 20)
