let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in builtins.hasContext (builtins.substring 0 3 "${d}")
