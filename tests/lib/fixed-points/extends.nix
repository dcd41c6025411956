let lib = import ../../../lib; in
let
  base = self: { a = 1; b = self.a + 1; };
  overlay = final: prev: { a = prev.a + 10; c = final.b * 2; };
in
[ (lib.fix (lib.extends overlay base)) (lib.fix (lib.extends (final: prev: { }) base)) ]
