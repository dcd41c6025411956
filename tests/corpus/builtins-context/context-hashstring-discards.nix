let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in builtins.hasContext (builtins.hashString "md5" "${d}")
