let lib = import ../../../lib; in
lib.generators.mkValueStringDefault { } [ 1 2 ]
