let lib = import ../../../lib; in
let before = a: b: a < b; in
[ (lib.listDfs true before [ 3 1 2 ]) (lib.listDfs false before [ 1 2 3 ]) ]
