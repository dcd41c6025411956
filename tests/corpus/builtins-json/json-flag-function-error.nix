# flags: --eval --strict --json
{ f = x: x; }
