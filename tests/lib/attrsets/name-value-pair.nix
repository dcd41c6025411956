let lib = import ../../../lib; in
[ (lib.nameValuePair "a" 1) (lib.listToAttrs [ (lib.nameValuePair "x" 1) (lib.nameValuePair "x" 2) ]) ]
