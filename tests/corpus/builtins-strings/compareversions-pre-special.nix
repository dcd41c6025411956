[ (builtins.compareVersions "1.2pre" "1.2") (builtins.compareVersions "1.2" "1.2pre") (builtins.compareVersions "1.2alpha" "1.2pre") ]
