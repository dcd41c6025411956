let lib = import ../../../lib; in
lib.traceFnSeqN 1 "inc" (x: { v = x.v + 1; }) { v = 1; }
