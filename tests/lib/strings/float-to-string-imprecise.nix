let lib = import ../../../lib; in
lib.floatToString 0.1234567
