let lib = import ../../../lib; in
[ (lib.generators.withRecursion { depthLimit = 1; throwOnDepthLimit = false; } { a.b.c = 1; d = 2; })
  (lib.generators.withRecursion { depthLimit = 2; throwOnDepthLimit = false; } [ [ [ 1 ] ] 2 ])
  (lib.generators.withRecursion { depthLimit = null; } { a.b.c = 1; })
  (lib.generators.withRecursion { depthLimit = 0; throwOnDepthLimit = false; } { __functor = 1; __toString = 2; x = 3; }) ]
