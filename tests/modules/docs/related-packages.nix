let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ { options.x = lib.mkOption { relatedPackages = [ "hello" ]; }; options.y = lib.mkOption { relatedPackages = null; }; } ]; };
in
map (o: { inherit (o) name; rel = o.relatedPackages or "absent"; }) (builtins.filter (o: builtins.head o.loc != "_module") (lib.optionAttrSetToDocList r.options))
