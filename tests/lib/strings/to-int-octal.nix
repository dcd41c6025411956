let lib = import ../../../lib; in
lib.toInt "0123"
