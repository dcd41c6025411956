let lib = import ../../../lib; in
[ (lib.zipAttrsWithNames [ "a" ] (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ])
  (lib.zipAttrsWithNames [ "a" "z" ] (n: vs: n + toString (builtins.length vs)) [ { a = 1; } ])
  (lib.zipAttrsWith (n: vs: builtins.foldl' builtins.add 0 vs) [ { a = 1; b = 2; } { a = 3; } ])
  (lib.zipAttrs [ { a = 1; } { a = 2; b = 3; } ]) (lib.zipAttrs [ ]) ]
