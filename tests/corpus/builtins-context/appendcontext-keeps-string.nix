builtins.appendContext "the string" { }
