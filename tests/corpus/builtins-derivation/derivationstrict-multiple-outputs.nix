builtins.derivationStrict { name = "strict2"; system = "s"; builder = "/b"; outputs = [ "a" "b" ]; }
