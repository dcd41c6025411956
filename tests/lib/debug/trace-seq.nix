let lib = import ../../../lib; in
lib.traceSeq { a = [ 1 { b = "deep"; } ]; } "result"
