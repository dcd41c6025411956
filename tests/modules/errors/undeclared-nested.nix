let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/decls.nix { services.apache.enable = true; } ]; }).config
