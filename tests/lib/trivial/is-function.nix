let lib = import ../../../lib; in
[ (lib.isFunction (x: x)) (lib.isFunction builtins.map) (lib.isFunction (builtins.add 1))
  (lib.isFunction { __functor = self: x: x; }) (lib.isFunction { }) (lib.isFunction 1)
  (lib.isFunction "x") ]
