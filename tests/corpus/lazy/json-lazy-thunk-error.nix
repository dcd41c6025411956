# flags: --eval --json
{ a = 1 + 1; }
