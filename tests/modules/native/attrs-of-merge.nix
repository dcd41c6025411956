# attrsOf / lazyAttrsOf merges (native in sysnix): attributes whose definitions all vanish
# under mkIf false are dropped by attrsOf and kept (failing when read) by lazyAttrsOf;
# lazyAttrsOf leaves other attributes unevaluated; attrsOf evaluates each attribute's
# definitions in name order, so the first failing name is the one reported.
let lib = import ../../../lib; in
let
  inherit (lib) mkOption types mkIf;
  r = lib.evalModules {
    modules = [
      {
        options.strict = mkOption { type = types.attrsOf types.int; default = { }; };
        options.lazy = mkOption { type = types.lazyAttrsOf types.int; default = { }; };
        options.bad = mkOption { type = types.attrsOf types.int; default = { }; };
      }
      { strict = { a = 1; gone = mkIf false 2; }; lazy = { a = 1; gone = mkIf false 2; boom = throw "lazy boom"; }; }
      { strict.b = 2; lazy.b = mkIf true 3; bad = { z = mkIf (throw "z fails") 1; y = mkIf (throw "y fails first") 1; }; }
    ];
  };
in
{
  strict = r.config.strict;
  lazyNames = builtins.attrNames r.config.lazy;
  lazyA = r.config.lazy.a;
  lazyB = r.config.lazy.b;
  gone = (builtins.tryEval r.config.lazy.gone).success;
  bad = builtins.tryEval (builtins.attrNames r.config.bad);
}
