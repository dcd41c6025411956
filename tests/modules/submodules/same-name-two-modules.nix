let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/users-option.nix
    { users.alice.groups = [ "a" ]; }
    { users.alice.groups = [ "b" ]; users.alice.home = "/h"; }
  ];
}).config
