# flags: --eval
let x = 5; y = x + 1; in { inherit x y; }
