let lib = import ../../../lib; in
[ (lib.splitString "." "a.b.c") (lib.splitString "/" "/usr/bin/") (lib.splitString "," "") (lib.splitString ", " "a, b, c")
  (lib.splitString "x" "abc") (lib.splitString "." "...") (lib.splitString "\n" "l1\nl2") (lib.splitString "é" "aébéc") ]
