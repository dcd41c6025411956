let lib = import ../../../lib; in
[
  (lib.functionArgs ({ a, b ? 1, ... }: a))
  (lib.functionArgs (x: x))
  (lib.functionArgs (lib.setFunctionArgs (x: x) { a = false; b = true; }))
  (lib.functionArgs { __functor = self: { c ? 2 }: c; })
  (lib.functionArgs { __functor = self: x: x; __functionArgs = { z = true; }; })
]
