let lib = import ../../../lib; in
[ (lib.generators.toLua { } { a = [ 1 "b" ]; c = null; d = { }; e = [ ]; f = { x.y = 1.5; }; })
  (lib.generators.toLua { multiline = false; } [ 1 "a" true null { k = "v"; } ])
  (lib.generators.toLua { } (lib.generators.mkLuaInline "vim.fn.stdpath('data')"))
  (lib.generators.toLua { } "str\n\"q\"") ]
