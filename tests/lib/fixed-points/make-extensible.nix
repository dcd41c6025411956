let lib = import ../../../lib; in
let
  e = lib.makeExtensible (self: { a = 1; b = self.a + 1; });
  e2 = e.extend (final: prev: { a = 10; });
  e3 = e2.extend (final: prev: { c = final.b + prev.a; });
in
[ e.b e2.b e3.c (builtins.attrNames e3) ]
