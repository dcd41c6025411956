let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/decls.nix { networking.hostName = "one"; } { networking.hostName = "two"; } ];
}).config
