let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; s = builtins.unsafeDiscardStringContext "${d}"; in [ (builtins.hasContext s) s ]
