# Naive recursion: doubly recursive Fibonacci plus a small Ackermann.
# Stresses function application, integer arithmetic, comparison and
# `if`; allocates a thunk per argument. Result: a short list of ints.
let
  fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2);

  # Ackermann–Péter with small arguments: deep but bounded recursion.
  ack = m: n:
    if m == 0 then n + 1
    else if n == 0 then ack (m - 1) 1
    else ack (m - 1) (ack m (n - 1));

  # Tail-recursive-style loop through an accumulator.
  sumTo = n: acc: if n == 0 then acc else sumTo (n - 1) (acc + n);
in
[ (fib 30) (ack 2 300) (sumTo 5000 0) ]
