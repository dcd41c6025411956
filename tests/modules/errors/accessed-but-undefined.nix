let lib = import ../../../lib; in
(lib.evalModules { modules = [ { options.a = lib.mkOption { type = lib.types.str; }; } ]; }).config
