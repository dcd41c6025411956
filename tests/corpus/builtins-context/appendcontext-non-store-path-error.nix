builtins.appendContext "x" { "/not/store" = { path = true; }; }
