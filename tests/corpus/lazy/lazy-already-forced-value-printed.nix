# flags: --eval
let x = 1 + 1; in builtins.seq x { a = x; }
