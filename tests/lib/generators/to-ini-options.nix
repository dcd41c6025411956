let lib = import ../../../lib; in
[ (lib.generators.toINI { mkSectionName = n: lib.toUpper n; } { s.a = 1; })
  (lib.generators.toINI { listsAsDuplicateKeys = true; } { s.k = [ "a" "b" ]; t = { }; })
  (lib.generators.toINI { mkKeyValue = k: v: "${k} := ${toString v}"; } { s.a = 1; })
  (lib.generators.toINI { } { }) ]
