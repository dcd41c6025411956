let lib = import ../../../lib; in
[ (lib.generators.toDhall { } { a = 1; b = -2; c = [ true false ]; d = "s\"x"; e = { }; }) (lib.generators.toDhall { } [ ]) (lib.generators.toDhall { } 0) ]
