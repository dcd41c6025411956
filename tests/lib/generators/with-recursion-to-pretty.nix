let lib = import ../../../lib; in
let deep = lib.fix (self: { a = 1; next = self; }); in
lib.generators.toPretty { } (lib.generators.withRecursion { depthLimit = 3; throwOnDepthLimit = false; } deep)
