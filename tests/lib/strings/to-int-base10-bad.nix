let lib = import ../../../lib; in
lib.toIntBase10 "1.0"
