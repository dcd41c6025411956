let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/first.nix ./data/second.nix ]; }).config
