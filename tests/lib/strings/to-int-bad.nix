let lib = import ../../../lib; in
lib.toInt "12a"
