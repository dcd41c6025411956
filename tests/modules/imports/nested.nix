let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/a.nix ]; }).config
