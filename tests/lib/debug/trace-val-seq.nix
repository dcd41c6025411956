let lib = import ../../../lib; in
[ (lib.traceValSeq { x = [ 1 2 ]; }) (lib.traceValSeqN 1 { x = { y = 1; }; }) (lib.debug.traceValSeqFn (v: builtins.length v) [ 1 2 3 ]) ]
