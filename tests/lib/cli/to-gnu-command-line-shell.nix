let lib = import ../../../lib; in
lib.cli.toGNUCommandLineShell { } { v = true; o = "x y"; data = [ "it's" ]; }
