let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/users-option.nix
    ./data/user-shell.nix
    { users.alice.shell = "/bin/zsh"; users.bob = { }; }
  ];
}).config
