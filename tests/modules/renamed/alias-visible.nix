let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      ./data/new-opts.nix
      (lib.mkAliasOptionModule [ "port" ] [ "services" "new" "port" ])
    ];
  };
in
{ inherit (r.options.port) visible description; type = r.options.port.type.description; value = r.config.port; }
