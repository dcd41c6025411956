let lib = import ../../../lib; in
lib.generators.toPretty { } { a = [ 1 "x" { b = null; } ]; "c d" = { e = true; }; f = [ ]; drv = { type = "derivation"; name = "hello"; }; anon = { type = "derivation"; }; }
