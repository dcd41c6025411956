# A rec literal merged into a path's set (or into a plain literal) adds its bindings,
# not recursive there (Nix 2.8).
[ { a.b = 1; a = rec { c = 2; }; } { x = { y = 1; }; x = rec { z = 2; }; } ]
