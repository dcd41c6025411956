let lib = import ../../../lib; in
[ (lib.floatToString 0.5) (lib.floatToString 1.0) (lib.floatToString 2.25) ]
