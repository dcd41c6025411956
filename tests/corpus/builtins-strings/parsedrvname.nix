[ (builtins.parseDrvName "hello-2.10") (builtins.parseDrvName "nix-unstable-2021-01-01") (builtins.parseDrvName "foo") (builtins.parseDrvName "foo-bar-baz") (builtins.parseDrvName "x-1a") ]
