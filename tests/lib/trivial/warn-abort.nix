# env: NIX_ABORT_ON_WARN=1
let lib = import ../../../lib; in
lib.warn "fatal now" 42
