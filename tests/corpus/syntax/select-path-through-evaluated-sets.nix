# A path of static names, read once its sets are evaluated and before.
let
  s = { a.b.c = 1; x = { y = "str"; }; d.e = { f = 3; g = 4; }; };
in
{
  first = s.a.b.c;
  again = builtins.seq s.a.b.c s.a.b.c;
  defaultAfterEvaluated = builtins.seq s.a.b (s.a.b.missing or "dflt");
  defaultNotASet = builtins.seq s.x.y (s.x.y.z or "not a set");
  defaultInTheMiddle = builtins.seq s.a (s.a.nope.c or 5);
  partly = builtins.seq s.d (s.d.e.f + s.d.e.g);
  dynamic = let n = "e"; in builtins.seq s.d.e (s.d.${n}.g);
  hasPath = builtins.seq s.a.b (s ? a.b.c);
}
