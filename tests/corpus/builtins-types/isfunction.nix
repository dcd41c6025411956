[ (builtins.isFunction (x: x)) (builtins.isFunction builtins.add) (builtins.isFunction (builtins.add 1)) (builtins.isFunction { __functor = self: x: x; }) (builtins.isFunction 1) ]
