let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in builtins.getContext (builtins.replaceStrings [ "a" ] [ "b" ] "a${d}")
