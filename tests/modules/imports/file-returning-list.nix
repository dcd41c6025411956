let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/returns-list.nix ]; }).config
