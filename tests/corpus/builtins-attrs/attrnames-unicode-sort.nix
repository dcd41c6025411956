builtins.attrNames { "é" = 1; "e" = 2; "f" = 3; "E" = 4; }
