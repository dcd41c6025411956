map (s: builtins.match "[[:alpha:]]+[[:digit:]]*" s) [ "abc123" "123" "Ab" ]
