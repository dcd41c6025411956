let lib = import ../../../lib; in
[ (lib.recurseIntoAttrs { a = 1; }) (lib.dontRecurseIntoAttrs { }) ]
