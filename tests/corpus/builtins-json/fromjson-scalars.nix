map builtins.fromJSON [ "1" "-2" "1.5" "true" "false" "null" ''"s"'' ]
