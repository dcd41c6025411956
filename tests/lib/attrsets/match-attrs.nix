let lib = import ../../../lib; in
[ (lib.matchAttrs { a.b = 1; } { a = { b = 1; c = 2; }; }) (lib.matchAttrs { a.b = 1; } { a = { b = 2; }; })
  (lib.matchAttrs { } { a = 1; }) (lib.matchAttrs { a = 1; } { }) (lib.matchAttrs { a = { }; } { a = 1; })
  (lib.matchAttrs { cpu = "x86"; } { cpu = "x86"; os = "linux"; }) ]
