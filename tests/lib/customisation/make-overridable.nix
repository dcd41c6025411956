let lib = import ../../../lib; in
let
  f = lib.makeOverridable ({ a, b ? 2 }: { sum = a + b; });
  r = f { a = 1; };
  r2 = r.override { a = 10; };
  r3 = r2.override (old: { b = old.a * 5; });
in
[ r.sum r2.sum r3.sum (lib.functionArgs f) (builtins.attrNames (lib.functionArgs r.override)) (builtins.attrNames r) ]
