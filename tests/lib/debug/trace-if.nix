let lib = import ../../../lib; in
[ (lib.traceIf true "traced" 1) (lib.traceIf false "not traced" 2) ]
