builtins.derivationStrict { name = "strict"; system = "s"; builder = "/b"; }
