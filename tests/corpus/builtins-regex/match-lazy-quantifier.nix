builtins.match "(a+?)(a*)" "aaa"
