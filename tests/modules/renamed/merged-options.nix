let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/new-opts.nix
      (lib.mkMergedOptionModule [ [ "first" ] [ "second" ] ] [ "services" "new" "names" ]
        (config: lib.optional (config.first != "_mkMergedOptionModule") config.first
          ++ lib.optional (config.second != "_mkMergedOptionModule") config.second))
      { _file = "user.nix"; first = "one"; }
    ];
  }).config;
in
{ inherit (c) warnings; names = c.services.new.names; }
