let lib = import ../../../lib; in
builtins.tryEval (lib.enableFeature "yes" "x")
