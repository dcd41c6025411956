let lib = import ../../../lib; in
[ (lib.compare 1 2) (lib.compare 2 1) (lib.compare 2 2) (lib.compare "a" "b") (lib.compare "b" "a") (lib.compare 1.5 1) ]
