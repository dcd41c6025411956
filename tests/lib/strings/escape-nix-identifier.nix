let lib = import ../../../lib; in
map lib.escapeNixIdentifier [ "abc" "0abc" "a b" "a-b'c" "_x" "" "if" "é" "a.b" ]
