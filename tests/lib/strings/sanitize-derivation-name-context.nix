let lib = import ../../../lib; in
let drv = derivation { name = "ctx"; system = "x86_64-linux"; builder = "/bin/sh"; }; in
builtins.hasContext (lib.sanitizeDerivationName "${drv}")
