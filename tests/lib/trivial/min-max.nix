let lib = import ../../../lib; in
[ (lib.min 3 1) (lib.max 3 1) (lib.min "b" "a") (lib.max 1.5 2) (lib.min (-1) 0) (lib.max 2 2) ]
