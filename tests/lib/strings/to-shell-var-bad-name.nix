let lib = import ../../../lib; in
lib.toShellVar "not-valid" 1
