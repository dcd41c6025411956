let lib = import ../../../lib; in
lib.compare 1 "a"
