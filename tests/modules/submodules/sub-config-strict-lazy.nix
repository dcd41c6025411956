let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ./data/users-option.nix
      { users.alice = { }; users.broken.home = throw "broken home evaluated"; }
    ];
  }).config;
in
c.users.alice.home
