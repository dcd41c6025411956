let lib = import ../../../lib; in
lib.generators.withRecursion { depthLimit = 1; } { a.b.c = 1; }
