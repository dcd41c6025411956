let lib = import ../../../lib; in
[ (lib.toFunction 5 "anything") (lib.toFunction (x: x + 1) 1) (lib.toFunction { __functor = self: x: x * 2; } 4) ((lib.toFunction { a = 1; }) null) ]
