let lib = import ../../../lib; in
[ (builtins.length lib.lowerChars) (builtins.head lib.upperChars) (lib.last lib.lowerChars) ]
