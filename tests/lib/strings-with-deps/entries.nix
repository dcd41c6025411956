let lib = import ../../../lib; in
[ (lib.noDepEntry "x") (lib.fullDepEntry "y" [ "a" ]) (lib.packEntry [ "b" ]) (lib.stringAfter [ "c" ] "z") ]
