let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/new-opts.nix
      (lib.mkAliasOptionModule [ "port" ] [ "services" "new" "port" ])
      { port = 22; }
    ];
  }).config;
in
{ inherit (c) warnings port; new = c.services.new.port; }
