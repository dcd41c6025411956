let lib = import ../../../lib; in
assert lib.assertMsg (1 > 2) "one is not greater than two"; "unreachable"
