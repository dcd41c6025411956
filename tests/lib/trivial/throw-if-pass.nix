let lib = import ../../../lib; in
[ (lib.throwIf false "no" 5) (lib.throwIfNot true "no" 6)
  (builtins.tryEval (lib.throwIf true "yes" 7)) ]
