let lib = import ../../../lib; in
lib.warn "this is deprecated" 42
