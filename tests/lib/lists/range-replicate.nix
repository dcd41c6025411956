let lib = import ../../../lib; in
[ (lib.range 2 4) (lib.range 3 3) (lib.range 4 2) (lib.range (-2) 1) (lib.replicate 3 "a") (lib.replicate 0 "a") ]
