let lib = import ../../../lib; in
let
  cmp = lib.splitByAndCompare (lib.hasPrefix "foo") lib.compare lib.compare;
in
[
  (cmp "foo" "bar")
  (cmp "bar" "foo")
  (cmp "foo2" "foo1")
  (cmp "a" "b")
  (builtins.sort (a: b: cmp a b < 0) [ "b" "foo2" "a" "foo1" ])
]
