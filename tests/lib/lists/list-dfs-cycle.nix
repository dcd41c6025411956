let lib = import ../../../lib; in
let
  deps = { a = [ "b" ]; b = [ "c" ]; c = [ "a" ]; d = [ ]; };
  before = x: y: builtins.elem x deps.${y};
in
[ (lib.listDfs true before [ "a" "b" "c" "d" ]) (lib.listDfs false (a: b: false) [ "x" "y" ]) ]
