let lib = import ../../../lib; in
lib.mapAttrsRecursiveCond (s: !(s ? type)) (p: v: if v ? type then "<${v.type}>" else v) { a.type = "t"; b.c = 1; b.d.type = "u"; }
