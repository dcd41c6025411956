builtins.match "(.*)/(.*)" "a/b/c"
