let lib = import ../../../lib; in
[ (lib.isDerivation { type = "derivation"; }) (lib.isDerivation { type = "other"; }) (lib.isDerivation { })
  (lib.isDerivation 1) (lib.isDerivation (derivation { name = "x"; system = "x"; builder = "/bin/sh"; })) ]
