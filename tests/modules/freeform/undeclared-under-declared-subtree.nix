let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { freeformType = with lib.types; attrsOf anything; options.sub.a = lib.mkOption { default = 0; }; }
    { sub.b = 1; top = true; }
  ];
}).config
