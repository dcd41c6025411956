let lib = import ../../../lib; in
let
  e = lib.makeExtensibleWithCustomName "override" (self: { a = 1; b = self.a; });
in
[ (e.override (final: prev: { a = 2; })).b (e ? extend) ]
