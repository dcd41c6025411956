builtins.fromJSON "[1,]"
