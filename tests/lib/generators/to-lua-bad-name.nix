let lib = import ../../../lib; in
builtins.tryEval (lib.generators.toLua { asBindings = true; } { "1bad" = 1; })
