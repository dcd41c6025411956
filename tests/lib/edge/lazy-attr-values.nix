let lib = import ../../../lib; in
[ (lib.mapAttrs (n: v: throw "lazy") { a = 1; } ? a) (builtins.length (lib.mapAttrsToList (n: v: throw "lazy") { a = 1; b = 2; }))
  (lib.filterAttrs (n: v: n == "a") { a = 1; b = throw "value not needed"; }) (builtins.attrNames (lib.recursiveUpdate { a = throw "x"; } { b = 1; })) ]
