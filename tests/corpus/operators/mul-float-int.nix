[ (2.5 * 2) (builtins.typeOf (2.5 * 2)) ]
