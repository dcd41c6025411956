let lib = import ../../../lib; in
let
  r = lib.callPackagesWith { n = 1; } ({ n }: { one = { v = n; }; two = { v = n + 1; }; }) { };
in
[ r.one.v r.two.v (r.two.override { n = 10; }).v ]
