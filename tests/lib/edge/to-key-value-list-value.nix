let lib = import ../../../lib; in
lib.generators.toKeyValue { } { a = [ 1 ]; }
