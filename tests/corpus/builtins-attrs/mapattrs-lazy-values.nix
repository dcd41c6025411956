(builtins.mapAttrs (n: v: throw "not forced") { a = 1; }) ? a
