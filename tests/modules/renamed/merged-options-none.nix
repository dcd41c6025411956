let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/new-opts.nix
      (lib.mkMergedOptionModule [ [ "first" ] [ "second" ] ] [ "services" "new" "names" ] (config: [ "never" ]))
    ];
  }).config;
in
{ inherit (c) warnings; names = c.services.new.names; }
