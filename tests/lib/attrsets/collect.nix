let lib = import ../../../lib; in
[ (lib.collect builtins.isInt { a = 1; b.c = 2; b.d = "x"; e = [ 3 ]; })
  (lib.collect (x: x ? outPath) { a.outPath = "/a"; b.c.outPath = "/b"; d = 1; })
  (lib.collect builtins.isList [ 1 ]) (lib.collect (x: false) { }) ]
