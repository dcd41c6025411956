let lib = import ../../../lib; in
(lib.evalModules { prefix = [ "outer" ]; modules = [ { foo = 1; } ]; }).config
