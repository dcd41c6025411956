let lib = import ../../../lib; in
(lib.evalModules {
  class = "nixos";
  modules = [ ./data/opts.nix { _class = null; items = [ "ok" ]; } ];
}).config
