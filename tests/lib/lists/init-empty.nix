let lib = import ../../../lib; in
lib.init [ ]
