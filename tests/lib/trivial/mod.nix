let lib = import ../../../lib; in
[ (lib.mod 11 10) (lib.mod 1 10) (lib.mod (-11) 10) (lib.mod 11 (-10)) (lib.mod 0 3) (lib.mod 10 5) ]
