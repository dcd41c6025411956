let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/users-option.nix { users.alice = { }; users.bob.groups = [ "wheel" ]; } ];
}).config
