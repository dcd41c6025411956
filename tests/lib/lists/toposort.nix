let lib = import ../../../lib; in
let
  deps = { a = [ ]; b = [ "a" ]; c = [ "a" "b" ]; d = [ "c" ]; e = [ ]; };
  before = x: y: builtins.elem x deps.${y};
in
[ (lib.toposort before [ "d" "c" "b" "a" "e" ]) (lib.toposort (a: b: a < b) [ 3 1 2 ])
  (lib.toposort before [ ]) (lib.toposort before [ "a" ]) ]
