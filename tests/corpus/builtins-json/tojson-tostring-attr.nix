builtins.toJSON { __toString = self: "custom"; }
