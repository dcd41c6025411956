let lib = import ../../../lib; in
lib.flatten (lib.foldl (acc: x: [ acc x ]) [ ] (lib.range 1 50))
