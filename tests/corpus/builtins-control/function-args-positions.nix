# functionArgs attributes carry the positions of the formals.
let f = { x, a ? 1, ... }: a; in
builtins.unsafeGetAttrPos "a" (builtins.functionArgs f)
