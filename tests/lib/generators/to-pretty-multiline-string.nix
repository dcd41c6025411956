let lib = import ../../../lib; in
[ (lib.generators.toPretty { } "line1\nline2") (lib.generators.toPretty { } "line1\nline2\n") (lib.generators.toPretty { } "''\${x}\nz")
  (lib.generators.toPretty { multiline = false; } "a\nb") (lib.generators.toPretty { } { s = "a\nb"; }) ]
