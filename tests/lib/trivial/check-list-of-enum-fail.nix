let lib = import ../../../lib; in
lib.checkListOfEnum "test input" [ "a" "b" 3 ] [ "c" 4 "a" ] true
