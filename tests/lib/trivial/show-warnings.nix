let lib = import ../../../lib; in
lib.showWarnings [ "first" "second" "third" ] "result"
