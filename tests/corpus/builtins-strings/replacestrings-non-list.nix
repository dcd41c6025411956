builtins.replaceStrings "a" [ "b" ] "a"
