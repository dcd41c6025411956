let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/service.nix ./data/users.nix { options.inline = lib.mkOption { }; } ]; };
in
map (o: { inherit (o) name declarations; })
  (builtins.filter (o: builtins.elem o.name [ "services.demo.port" "users" "users.<name>.uid" "inline" ]) (lib.optionAttrSetToDocList r.options))
