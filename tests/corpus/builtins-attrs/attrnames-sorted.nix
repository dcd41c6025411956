builtins.attrNames { z = 1; a = 2; M = 3; "10" = 4; "2" = 5; }
