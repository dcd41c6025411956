# mapAttrs calls a set with __functor with the name and the value
builtins.mapAttrs { __functor = self: n: v: "${n}=${toString v}"; } { a = 1; b = 2; }
