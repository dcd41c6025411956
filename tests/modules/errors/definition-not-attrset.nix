let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/decls.nix { _file = "def.nix"; services.nginx = true; } ];
}).config
