builtins.match "a\nb" "a\nb"
