let name = "dyn"; in builtins.getAttr name { dyn = "found"; }
