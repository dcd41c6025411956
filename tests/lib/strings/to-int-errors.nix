let lib = import ../../../lib; in
map (s: (builtins.tryEval (lib.toInt s)).success) [ "" "abc" "1.5" "0x1F" "01" "00" " - 1" "1 2" "4 5" "99999999999999999999" ]
