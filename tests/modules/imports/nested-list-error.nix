let lib = import ../../../lib; in
(lib.evalModules { modules = [ { imports = [ [ ./data/opts.nix ] ]; } ]; }).config
