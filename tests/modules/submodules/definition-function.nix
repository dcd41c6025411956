let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/users-option.nix
    { users.alice = { name, ... }: { groups = [ "group-of-${name}" ]; }; }
  ];
}).config
