let lib = import ../../../lib; in
[ (lib.assertOneOf "color" "red" [ "red" "blue" ]) (builtins.tryEval (lib.assertOneOf "color" "green" [ "red" ])) ]
