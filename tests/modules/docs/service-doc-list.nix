# flags: --eval --strict --json
let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/service.nix ]; };
in
builtins.filter (o: builtins.head o.loc != "_module") (lib.optionAttrSetToDocList r.options)
