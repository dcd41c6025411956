let lib = import ../../../lib; in
(lib.evalModules { modules = [ (lib.mkMerge [ { } ]) ]; }).config
