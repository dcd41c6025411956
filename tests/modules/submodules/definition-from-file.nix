let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/users-option.nix { users.alice = ./data/alice-def.nix; } ];
}).config
