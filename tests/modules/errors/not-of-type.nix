let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/decls.nix { networking.hostName = 42; } ]; }).config
