let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/service.nix ]; };
in
map (o: o.name) (lib.optionAttrSetToDocList r.options)
