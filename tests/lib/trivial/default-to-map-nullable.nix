let lib = import ../../../lib; in
[ (lib.defaultTo 3 null) (lib.defaultTo 3 4) (lib.defaultTo 3 false)
  (lib.mapNullable (x: x + 1) null) (lib.mapNullable (x: x + 1) 1) ]
