let lib = import ../../../lib; in
let
  base = self: { a = 1; b = self.a + 1; };
  run = x: lib.fix (lib.extends (lib.toExtension x) base);
in
[ (run { a = 5; }) (run (prev: { a = prev.a + 1; })) (run (final: prev: { c = final.b; })) ]
