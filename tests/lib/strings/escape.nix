let lib = import ../../../lib; in
[ (lib.escape [ "(" ")" ] "(foo)") (lib.escape [ ] "x") (lib.escape [ "$" "\\" ] "a$b\\c") (lib.strings.escapeC [ " " "\n" ] "a b\nc") ]
