builtins.elemAt [ "a" "b" ] (-1)
