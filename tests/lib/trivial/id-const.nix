let lib = import ../../../lib; in
[ (lib.id 5) (lib.id null) (map (lib.const 1) [ "a" "b" ]) (lib.const "x" (throw "unused")) ]
