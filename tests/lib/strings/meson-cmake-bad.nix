let lib = import ../../../lib; in
[ (builtins.tryEval (lib.cmakeOptionType "number" "x" "1")) (builtins.tryEval (lib.mesonBool "x" "true")) (builtins.tryEval (lib.cmakeFeature "x" 1)) ]
