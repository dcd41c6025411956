let lib = import ../../../lib; in
map lib.toIntBase10 [ "1337" "-4" " 123 " "0" "00" "007" "0123" " 010 " "000000" ]
