builtins.match "[].-]+" "].-."
