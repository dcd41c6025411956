let lib = import ../../../lib; in
[ (lib.foldr (x: acc: acc + x) 0 (lib.range 1 5000)) (lib.foldl (acc: x: acc + x) 0 (lib.range 1 5000)) (lib.foldl' (acc: x: acc + x) 0 (lib.range 1 100000)) ]
