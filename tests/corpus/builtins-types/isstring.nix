[ (builtins.isString "") (builtins.isString ./p) (builtins.isString (toString ./p)) ]
