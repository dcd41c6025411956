let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/decls.nix { services.nginx.enable = true; } { services.nginx.enable = false; } ];
}).config
