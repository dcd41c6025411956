let d = derivation { name = "ctx"; system = "x"; builder = "/b"; }; in builtins.getContext (builtins.concatStringsSep "," [ "a" "${d}" ])
