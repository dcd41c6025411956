toString { __toString = self: "v=${toString self.v}"; v = 3; }
