let lib = import ../../../lib; in
map lib.isStringLike [ "s" ./. { outPath = "/x"; } { __toString = self: ""; } 1 null [ ] { } ]
