let lib = import ../../../lib; in
lib.fixedWidthString 2 "0" "12345"
