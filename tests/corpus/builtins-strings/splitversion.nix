[ (builtins.splitVersion "1.2.3") (builtins.splitVersion "1.2pre3") (builtins.splitVersion "2.0-rc1") (builtins.splitVersion "") ]
