let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/decl.nix ./data/def.nix ./data/uses-config.nix ];
}).config
