builtins.getContext (builtins.appendContext "x" { "${builtins.storeDir}/00000000000000000000000000000000-foo" = { path = true; }; })
