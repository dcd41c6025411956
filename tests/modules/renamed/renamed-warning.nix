let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/new-opts.nix
      (lib.mkRenamedOptionModule [ "services" "old" "port" ] [ "services" "new" "port" ])
      { _file = "user.nix"; services.old.port = 8080; }
    ];
  }).config;
in
{ inherit (c) warnings; port = c.services.new.port; }
