let lib = import ../../../lib; in
[ (lib.traceSeqN 1 { a.b = 1; c = [ 1 ]; d = 2; } 1) (lib.traceSeqN 2 { a.b.c = 1; l = [ [ 1 ] ]; } 2) (lib.traceSeqN 0 [ 1 ] 3) ]
