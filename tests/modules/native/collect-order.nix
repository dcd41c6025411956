# collectModules (native in sysnix): modules are collected in genericClosure's order,
# deduplicated by key, disabled modules dropped with their imports, and the first broken
# module in depth-first order is the one reported.
let lib = import ../../../lib; in
let
  inherit (lib) mkOption types;
  mk = name: imports: { key = name; inherit imports; l = [ name ]; };
  d = mk "d" [ ];
  b = mk "b" [ d ];
  c = mk "c" [ d (mk "e" [ ]) ];
  r = lib.evalModules {
    modules = [
      { options.l = mkOption { type = types.listOf types.str; default = [ ]; }; }
      (mk "a" [ b c ])
      { key = "dup"; l = [ "dup" ]; }
      { key = "dup"; l = [ "dup-again" ]; }
      { disabledModules = [ { key = "e"; } ]; }
      ({ config, ... }: { key = "fn"; imports = [ (mk "from-fn" [ ]) ]; l = [ "fn" ]; })
    ];
  };
  broken = lib.evalModules { modules = [ (mk "ok" [ (throw "first broken") ]) (throw "second broken") ]; };
in
{
  inherit (r.config) l;
  firstError = (builtins.tryEval (builtins.length broken.config.l)).success;
}
