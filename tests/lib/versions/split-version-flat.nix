let lib = import ../../../lib; in
lib.splitVersion "3.11.4"
