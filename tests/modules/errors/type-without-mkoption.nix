let lib = import ../../../lib; in
(lib.evalModules { modules = [ { _file = "bad.nix"; options.a = lib.types.str; } ]; }).config
