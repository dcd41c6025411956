let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/opts.nix ./data/c.nix ]; }).config
