# A selection from an evaluated set, handed on as the attribute's own value, still
# reports infinite recursion when the attribute refers to itself.
let
  s = { a = s.a; b = 1; };
  f = x: x;
in
builtins.seq s (f s.a)
