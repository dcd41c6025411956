let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.l = lib.mkOption { type = with lib.types; listOf str; }; }
      { options.l = lib.mkOption { type = with lib.types; listOf str; default = [ "d" ]; }; }
    ];
  };
in
{ value = r.config.l; type = r.options.l.type.description; decls = builtins.length r.options.l.declarations; }
