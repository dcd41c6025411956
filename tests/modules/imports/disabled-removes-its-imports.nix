let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/opts.nix ./data/b.nix { disabledModules = [ ./data/b.nix ]; } ];
}).config
