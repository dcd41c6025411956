let lib = import ../../../lib; in
lib.throwIf (1 < 2) "one is less than two" 5
