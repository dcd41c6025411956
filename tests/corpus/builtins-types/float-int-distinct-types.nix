[ (builtins.typeOf 2) (builtins.typeOf 2.0) (2 == 2.0) ]
