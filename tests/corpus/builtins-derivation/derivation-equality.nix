let mk = n: derivation { name = n; system = "s"; builder = "/b"; }; in [ (mk "a" == mk "a") (mk "a" == mk "b") ]
