let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ ./data/users-option.nix { users.alice.shell = "/bin/zsh"; } ];
}).config
