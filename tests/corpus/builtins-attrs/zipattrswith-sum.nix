builtins.zipAttrsWith (n: builtins.foldl' builtins.add 0) [ { x = 1; } { x = 10; y = 5; } { x = 100; } ]
