let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/decls.nix { foo = 1; } ]; }).options.networking.hostName.value
