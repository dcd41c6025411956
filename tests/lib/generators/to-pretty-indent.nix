let lib = import ../../../lib; in
lib.generators.toPretty { indent = "    "; } { a = [ 1 ]; }
