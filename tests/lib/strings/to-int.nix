let lib = import ../../../lib; in
map lib.toInt [ "1337" "-4" " 123 " "0" "-0" "\t42\n" "9223372036854775807" ]
