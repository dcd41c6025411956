let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/users.nix ]; };
in
map (o: { inherit (o) name loc type visible; })
  (builtins.filter (o: !(lib.hasInfix "_module" o.name)) (lib.optionAttrSetToDocList r.options))
