let lib = import ../../../lib; in
(lib.evalModules { modules = [ { options.a = 5; } ]; }).config
