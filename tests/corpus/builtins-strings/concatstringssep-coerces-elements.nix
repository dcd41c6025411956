builtins.concatStringsSep "/" [ "a" ./data.txt ]
