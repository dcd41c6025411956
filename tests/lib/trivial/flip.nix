let lib = import ../../../lib; in
[ (lib.flip builtins.sub 1 10) (lib.flip lib.concat [ 1 ] [ 2 ]) ]
