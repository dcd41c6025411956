let lib = import ../../../lib; in
(lib.evalModules { modules = [ { foo.bar = 1; } ]; }).config
