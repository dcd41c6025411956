let lib = import ../../../lib; in
lib.head [ ]
