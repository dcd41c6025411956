let lib = import ../../../lib; in
map lib.isValidPosixName [ "foo_1" "_x" "1foo" "a-b" "" "ABC" "é" ]
