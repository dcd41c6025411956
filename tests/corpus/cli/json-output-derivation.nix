# flags: --eval --strict --json
derivation { name = "jd"; system = "s"; builder = "/b"; }
