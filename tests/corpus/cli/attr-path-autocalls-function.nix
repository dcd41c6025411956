# flags: --eval --strict -A v --arg n 2
{ n }: { v = n * 10; }
