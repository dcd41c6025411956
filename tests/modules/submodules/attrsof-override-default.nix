let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/users-option.nix { users.alice.home = "/var/alice"; users.alice.name = "ALICE"; } ];
}).config
