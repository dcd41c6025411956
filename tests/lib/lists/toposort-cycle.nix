let lib = import ../../../lib; in
let
  deps = { a = [ "c" ]; b = [ "a" ]; c = [ "b" ]; x = [ ]; };
  before = p: q: builtins.elem p deps.${q};
in
[ (lib.toposort before [ "x" "a" "b" "c" ]) (lib.toposort (a: b: true) [ 1 2 ]) ]
