let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ]; };
in
map (o: { inherit (o) name internal visible type readOnly; hasDefault = o ? default; }) (lib.optionAttrSetToDocList r.options)
