let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in builtins.getContext (builtins.toJSON { inherit d; })
