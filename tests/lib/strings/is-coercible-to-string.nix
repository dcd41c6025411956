let lib = import ../../../lib; in
[ (lib.strings.isCoercibleToString "x") (lib.strings.isCoercibleToString { }) ]
