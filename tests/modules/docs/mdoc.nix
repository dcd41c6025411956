let lib = import ../../../lib; in
lib.mdDoc "kept *as is*"
