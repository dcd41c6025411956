let lib = import ../../../lib; in
builtins.tryEval (lib.toBaseDigits 1 5)
