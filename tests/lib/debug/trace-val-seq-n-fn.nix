let lib = import ../../../lib; in
lib.debug.traceValSeqNFn (v: builtins.length v) 1 [ 1 2 ]
