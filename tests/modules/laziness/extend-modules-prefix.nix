let lib = import ../../../lib; in
let
  base = lib.evalModules { modules = [ { options.a = lib.mkOption { default = 1; }; } ]; };
  ext = base.extendModules { prefix = [ "p" ]; };
in
{ base = base.options.a.loc; ext = ext.options.a.loc; }
