let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/opts.nix ./data/keyed.nix { imports = [ ./data/keyed.nix ]; } { key = "the-keyed-module"; items = [ "same key, skipped" ]; } ];
}).config
