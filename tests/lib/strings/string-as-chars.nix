let lib = import ../../../lib; in
[ (lib.stringAsChars (c: if c == "a" then "A" else c) "banana") (lib.stringAsChars (c: c + c) "ab") (lib.stringAsChars (c: "") "xyz") ]
