let lib = import ../../../lib; in
[ (lib.warnIf true "shown" 1) (lib.warnIf false "not shown" 2) (lib.warnIfNot false "shown too" 3) (lib.warnIfNot true "hidden" 4) ]
