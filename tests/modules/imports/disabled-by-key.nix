let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/opts.nix ./data/keyed.nix { disabledModules = [ { key = "the-keyed-module"; } ]; } ];
}).config
