let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/users-option.nix
    { users.alice = { ... }: { imports = [ ./data/alice-def.nix ]; groups = [ "x" ]; }; }
  ];
}).config
