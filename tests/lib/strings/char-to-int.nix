let lib = import ../../../lib; in
map lib.strings.charToInt [ "A" "a" " " "~" "0" "\n" "\t" ]
