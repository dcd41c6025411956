let lib = import ../../../lib; in
let
  f = { a, b ? 2 }: a + b;
  g = lib.mirrorFunctionArgs f (args: f args * 10);
in
[ (lib.functionArgs g) (g { a = 1; }) ]
