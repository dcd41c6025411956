let lib = import ../../../lib; in
let
  o1 = final: prev: { a = 1; seen1 = prev ? x; };
  o2 = final: prev: { b = prev.a + 1; c = final.d; };
  o3 = final: prev: { d = 4; a = prev.a * 100; };
in
[ (lib.fix (lib.extends (lib.composeExtensions o1 o2) (self: { d = 0; x = true; })))
  (lib.fix (lib.extends (lib.composeManyExtensions [ o1 o2 o3 ]) (self: { })))
  (lib.fix (lib.extends (lib.composeManyExtensions [ ]) (self: { z = 1; }))) ]
