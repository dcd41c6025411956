let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in { ${"${d}"} = 1; }
