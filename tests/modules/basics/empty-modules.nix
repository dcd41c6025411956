let lib = import ../../../lib; in
(lib.evalModules { modules = [ ]; }).config
