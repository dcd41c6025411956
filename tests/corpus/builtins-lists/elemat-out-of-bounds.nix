builtins.elemAt [ "a" "b" ] 2
