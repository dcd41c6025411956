let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/opts.nix { _file = "disabler.nix"; disabledModules = [ (x: x) ]; } ];
}).config
