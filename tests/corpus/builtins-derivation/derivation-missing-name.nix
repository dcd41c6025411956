derivation { system = "s"; builder = "/b"; }
