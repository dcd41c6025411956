let lib = import ../../../lib; in
let
  lib2 = lib.extend (final: prev: { myHelper = x: final.toUpper x; trivial = prev.trivial // { answer = 42; }; });
in
[ (lib2.myHelper "abc") lib2.trivial.answer (lib2 ? mapAttrs') (lib ? myHelper) ]
