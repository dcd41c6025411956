let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/decl.nix ./data/decl.nix { imports = [ ./data/decl.nix ]; } ];
}).config
