builtins.replaceStrings [ "a" "b" ] [ "A" "B" ] "aabbcc"
