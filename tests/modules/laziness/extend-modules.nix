let lib = import ../../../lib; in
let
  base = lib.evalModules {
    modules = [ { options.l = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; }; } { l = [ "base" ]; } ];
  };
  extended = base.extendModules { modules = [ { l = [ "extra" ]; } ]; };
  twice = extended.extendModules { modules = [ { l = lib.mkForce [ "forced" ]; } ]; };
in
{ base = base.config.l; extended = extended.config.l; twice = twice.config.l; }
