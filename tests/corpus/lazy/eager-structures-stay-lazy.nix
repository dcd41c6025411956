# sysnix builds a set with known names, or a list, at once when it is a function
# argument or a binding (nothing in it is evaluated), and passes `a.b` of an already
# evaluated set as the attribute itself: none of it may force a value early.
let
  ignore = x: 1;
  cfg = { port = throw "port forced"; nested.deep = abort "deep forced"; };
  forced = builtins.seq cfg cfg;
  rec' = rec { a = b; b = throw "b forced"; c = 3; };
in
[
  (ignore { a = throw "a forced"; b.c = abort "c forced"; })
  (ignore [ (throw "element forced") ])
  (ignore forced.port)
  (ignore forced.nested.deep)
  (ignore forced.missing.name)
  (builtins.length [ (throw "x") (abort "y") ])
  (builtins.attrNames { x = throw "x"; y.z = throw "z"; })
  rec'.c
  (builtins.tryEval forced.port).success
]
