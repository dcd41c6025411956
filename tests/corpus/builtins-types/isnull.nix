[ (builtins.isNull null) (isNull null) (builtins.isNull false) ]
