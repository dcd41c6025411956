[ (1.0e200 * 1.0e200) (builtins.typeOf (1.0e200 * 1.0e200)) ]
