# toString's error inside an interpolation points at the call.
let f = x: "a-${toString x}-b"; in f { a = 1; }
