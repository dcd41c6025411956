# unifyModuleSyntax and applyModuleArgs (native in sysnix; meta, freeformType, require and
# errors go to the Nix): both module forms, _file/key/imports/_class, arguments from
# _module.args used lazily, a module function with a plain parameter.
let lib = import ../../../lib; in
let
  inherit (lib) mkOption types;
  r = lib.evalModules {
    modules = [
      { _file = "decl.nix"; key = "decl"; options.a = mkOption { type = types.listOf types.str; default = [ ]; }; options.b = mkOption { type = types.int; default = 0; }; }
      { _file = "short.nix"; imports = [ { a = [ "imported" ]; } ]; a = [ "short" ]; }
      ({ extra, unusedArg, ... }: { _class = null; config.a = [ extra ]; })
      (args: { b = builtins.length (builtins.attrNames args); })
      { _module.args.extra = "from _module.args"; _module.args.unusedArg = throw "never forced"; }
    ];
  };
in
{ inherit (r.config) a; bPositive = r.config.b > 0; files = r.options.a.files; }
