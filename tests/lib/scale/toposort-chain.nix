let lib = import ../../../lib; in
let
  n = 60;
  items = lib.reverseList (lib.range 1 n);
in
(lib.toposort (a: b: a < b) items).result == lib.range 1 n
