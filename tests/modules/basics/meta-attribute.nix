let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.meta = lib.mkOption { type = lib.types.attrsOf lib.types.str; default = { }; }; }
    {
      meta.maintainer = "alice";
      options.a = lib.mkOption { default = 1; };
      config = { };
    }
    { meta.team = "core"; }
  ];
}).config
