let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in builtins.match "(.*)" "${d}"
