let lib = import ../../../lib; in
[ (lib.cli.toGNUCommandLine { } { data = [ 1 2 ]; X = "y"; v = true; q = false; n = null; f = 1.5; })
  (lib.cli.toGNUCommandLine { optionValueSeparator = "="; } { data = [ 1 2 ]; X = "y"; v = true; })
  (lib.cli.toGNUCommandLine { mkOptionName = k: "--${k}"; } { a = "b"; }) ]
