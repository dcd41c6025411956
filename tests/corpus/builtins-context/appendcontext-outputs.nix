let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in
builtins.getContext (builtins.appendContext "s" { ${builtins.unsafeDiscardStringContext d.drvPath} = { outputs = [ "out" ]; }; })
