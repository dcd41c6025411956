let lib = import ../../../lib; in
[ (lib.fixedWidthString 5 "0" "12") (lib.fixedWidthString 2 " " "ab") (lib.fixedWidthString 5 "ab" "x") (lib.fixedWidthNumber 3 7)
  (lib.fixedWidthNumber 1 0) (lib.fixedWidthString 0 "x" "") ]
