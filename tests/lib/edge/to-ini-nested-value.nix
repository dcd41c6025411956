let lib = import ../../../lib; in
lib.generators.toINI { } { s.nested = { a = 1; }; }
