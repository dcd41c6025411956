let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ./data/new-opts.nix
      (lib.mkRenamedOptionModule [ "services" "old" "port" ] [ "services" "new" "port" ])
      { services.new.port = 443; }
    ];
  }).config;
in
c.services.old.port
