let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in builtins.getContext (builtins.unsafeDiscardOutputDependency d.drvPath)
