let lib = import ../../../lib; in
lib.info "hello there" { a = 1; }
