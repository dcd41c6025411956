let lib = import ../../../lib; in
[ (lib.hasInfix "ob" "foobar") (lib.hasInfix "x" "foobar") (lib.hasInfix "" "") (lib.hasInfix "a.c" "abc")
  (lib.hasInfix "a.c" "xa.cx") (lib.hasInfix "b" "a\nb\nc") (lib.hasInfix "(" "f(x)") (lib.hasInfix "\\" "a\\b") ]
