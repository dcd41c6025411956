let lib = import ../../../lib; in
lib.generators.toLua { asBindings = true; } { a = 1; "b.c" = [ "x" ]; d = { e = true; }; }
