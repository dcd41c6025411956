{ ok = 1; bad = builtins.head [ ]; }
