# Arguments sysnix computes at once (integer operations, selections from evaluated
# sets, elemAt/length/head/type tests of evaluated values, functions written in place)
# give what Nix gives when forced, and an element or attribute they select is still
# forced only when used.
let
  id = x: x;
  const = x: _: x;
  l = [ 1 (throw "element two") 3 ];
  s = { a = { b = 10; c = throw "attribute c"; }; };
  n = 2;
in
[
  (id (builtins.elemAt l 0))
  (id (builtins.elemAt l n))
  (id (builtins.length l))
  (id (builtins.head l))
  (id s.a.b)
  (id (builtins.isAttrs s))
  (id (builtins.typeOf s.a))
  (id (builtins.stringLength "abc"))
  (id (n * 3 + 1 < 8))
  (id (builtins.elemAt l (n - 2)))
  ((x: builtins.isFunction x) (y: y))
  (map (x: x * n) [ 1 2 ])
  (const 0 (builtins.elemAt l 1))
  (const 0 s.a.c)
  (builtins.tryEval (id (builtins.elemAt l 1)))
  (builtins.tryEval (id s.a.c))
]
