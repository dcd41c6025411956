let lib = import ../../../lib; in
[ (lib.generators.toKeyValue { } { a = 1; b = "x y"; c = true; d = null; })
  (lib.generators.toKeyValue { } { })
  (lib.generators.toKeyValue { listsAsDuplicateKeys = true; } { a = [ 1 2 ]; b = 3; })
  (lib.generators.toKeyValue { indent = "  "; mkKeyValue = lib.generators.mkKeyValueDefault { } ": "; } { x = 1; "a:b" = 2; }) ]
