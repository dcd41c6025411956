let lib = import ../../../lib; in
lib.generators.mkValueStringDefault { } { a = 1; }
