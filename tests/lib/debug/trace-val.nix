let lib = import ../../../lib; in
[ (lib.traceVal 42) (lib.traceVal "str") (lib.traceValFn (v: "value is ${toString v}") 7) ]
