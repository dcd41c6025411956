# flags: --eval --strict --eval --strict --show-trace --show-trace
{ a = 1 + 1; }
