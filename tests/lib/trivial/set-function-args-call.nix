let lib = import ../../../lib; in
let f = lib.setFunctionArgs ({ a, ... }@args: a + 1) { a = false; }; in
[ (f { a = 1; }) (builtins.isAttrs f) (lib.isFunction f) ]
