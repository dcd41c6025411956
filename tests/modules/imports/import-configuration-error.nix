let lib = import ../../../lib; in
let inner = lib.evalModules { modules = [ ]; }; in
(lib.evalModules { modules = [ inner ]; }).config
