let lib = import ../../../lib; in
[ (lib.sortOn builtins.stringLength [ "aaa" "b" "cc" "d" ]) (lib.sortOn (x: -x) [ 1 3 2 ]) (lib.sortOn (x: x) [ ]) ]
