let lib = import ../../../lib; in
lib.last [ ]
