let lib = import ../../../lib; in
[ (lib.overrideExisting { a = 1; b = 2; } { a = 3; c = 4; }) (lib.overrideExisting { } { a = 1; }) ]
