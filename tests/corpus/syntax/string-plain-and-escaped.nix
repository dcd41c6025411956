# Plain "..." strings next to ones with escapes, dollars, CRLF and interpolation.
[ "plain text" "" "a$b" "a$$b" "$" "tab\there" "q\"q" "back\\slash" "line
break" "cr
lf" "é ü ∀" "x${"y"}z" "$${x}" ]
