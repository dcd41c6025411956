let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ { options.frob.enable = lib.mkEnableOption "the frobnicator"; } ]; };
in
builtins.filter (o: o.name == "frob.enable") (lib.optionAttrSetToDocList r.options)
