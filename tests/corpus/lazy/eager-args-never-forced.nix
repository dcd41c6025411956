# Arguments sysnix could compute at once, but which fail when forced: since they are
# never forced, none of them may fail.
let
  const = x: _: x;
  l = [ 1 2 3 ];
  s = { a = { b = 1; }; n = null; };
  big = 9223372036854775807;
in
[
  (const 1 (builtins.elemAt l 5))
  (const 2 (builtins.elemAt l (-1)))
  (const 3 (builtins.head [ ]))
  (const 4 s.a.c)
  (const 5 s.x.b)
  (const 6 s.n.b)
  (const 7 (big + 1))
  (const 8 (builtins.length 1))
  (const 9 (builtins.stringLength 1))
  (const 10 (builtins.elemAt l "0"))
  (const 11 (builtins.head s))
  (const 12 (l.a))
]
