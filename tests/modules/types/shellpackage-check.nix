let lib = import ../../../lib; in
with lib.types;
[
  (shellPackage.check { type = "derivation"; shellPath = "/bin/bash"; })
  (shellPackage.check { type = "derivation"; })
  shellPackage.description
  shellPackage.name
]
