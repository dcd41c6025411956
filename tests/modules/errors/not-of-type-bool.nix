let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/decls.nix { services.nginx.enable = "yes"; } ]; }).config
