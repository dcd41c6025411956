let lib = import ../../../lib; in
[ (lib.mergeAttrs { a = 1; b = 2; } { a = 3; c = 4; }) (lib.mergeAttrs { } { }) ]
