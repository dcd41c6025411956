builtins.split "((a)b)" "xaby"
