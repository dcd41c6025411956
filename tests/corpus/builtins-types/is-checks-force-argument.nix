builtins.isInt (throw "forced")
