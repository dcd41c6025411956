# flags: --eval --strict --show-trace
# A function bound in a `let` and applied by `map`: its frame, and a call-site frame
# without a position (the builtin made the application).
let f = x: x + "a"; in builtins.head (map f [ 1 ])
