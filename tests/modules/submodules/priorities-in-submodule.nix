let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/users-option.nix
    { users.alice.home = lib.mkDefault "/default"; users.alice.groups = lib.mkForce [ "forced" ]; }
    { users.alice.home = "/plain"; users.alice.groups = [ "ignored" ]; }
  ];
}).config
