let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/new-opts.nix
      (lib.mkChangedOptionModule [ "services" "new" "portString" ] [ "services" "new" "port" ]
        (config: lib.toInt config.services.new.portString))
    ];
  }).config;
in
{ inherit (c) warnings; port = c.services.new.port; }
