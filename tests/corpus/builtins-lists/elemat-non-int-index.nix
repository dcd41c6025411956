builtins.elemAt [ "a" ] "0"
