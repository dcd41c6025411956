let lib = import ../../../lib; in
# `or` and `and` are functions: both arguments are passed, but only forced as needed.
[ (lib.or true (throw "not forced")) (lib.and false (throw "not forced")) ]
