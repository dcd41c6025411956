let lib = import ../../../lib; in
lib.generators.toPretty { multiline = false; } { a = [ 1 "x" ]; b = { c = { }; }; d = [ [ ] ]; }
