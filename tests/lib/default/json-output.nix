# flags: --eval --strict --json
let lib = import ../../../lib; in
{ pretty = lib.generators.toPretty { multiline = false; } { a = [ 1 ]; }; ini = lib.generators.toINI { } { s.k = "v"; }; list = lib.range 1 3; }
