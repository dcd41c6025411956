let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      ({ options, ... }: {
        options.base = lib.mkOption { type = lib.types.str; default = "base"; };
        options.derived = lib.mkOption { type = lib.types.str; };
        config.derived = lib.mkDerivedConfig options.base (b: b + "-derived");
      })
      { derived = "explicit wins over a derived default"; }
    ];
  };
in
{ inherit (r.config) derived; prio = r.options.base.highestPrio; }
