let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/opts.nix ./data/flag.nix ]; }).config
