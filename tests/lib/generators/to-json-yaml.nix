let lib = import ../../../lib; in
[ (lib.generators.toJSON { } { a = [ 1 "x" null ]; b = true; }) (lib.generators.toYAML { } { a = 1; }) ]
