[ (builtins.match "a" "A") (builtins.match "[aA]" "A") ]
