let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/a.nix { disabledModules = [ (toString ./data/b.nix) ]; } ];
}).config
