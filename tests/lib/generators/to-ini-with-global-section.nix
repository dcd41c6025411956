let lib = import ../../../lib; in
[ (lib.generators.toINIWithGlobalSection { } { globalSection = { a = 1; }; sections = { s.b = 2; }; })
  (lib.generators.toINIWithGlobalSection { } { globalSection = { }; sections = { s.b = 2; }; })
  (lib.generators.toINIWithGlobalSection { } { globalSection = { g = "x"; }; })
  (lib.generators.toINIWithGlobalSection { listsAsDuplicateKeys = true; } { globalSection.l = [ 1 2 ]; }) ]
