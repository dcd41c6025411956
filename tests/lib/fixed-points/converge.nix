let lib = import ../../../lib; in
[ (lib.converge (x: if x > 10 then x else x * 2) 1) (lib.converge (x: x) "same") (lib.converge lib.unique [ 1 1 2 ]) ]
