let d = derivation { name = "keep"; system = "s"; builder = "/b"; extra = [ 1 2 ]; }; in d.extra
