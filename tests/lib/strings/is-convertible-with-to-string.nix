let lib = import ../../../lib; in
map lib.isConvertibleWithToString [ "s" 1 1.5 true null [ 1 "a" [ null ] ] { outPath = "/x"; } { __toString = self: "x"; } { } (x: x) [ { } ] ./. ]
