let d = derivation { name = "multi"; system = "x"; builder = "/b"; outputs = [ "out" "dev" ]; }; in builtins.getContext "${d.dev} ${d.out}"
