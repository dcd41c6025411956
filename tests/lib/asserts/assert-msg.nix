let lib = import ../../../lib; in
[ (lib.assertMsg true "unused") (assert lib.assertMsg (1 < 2) "math"; "ok") ]
