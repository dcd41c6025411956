let lib = import ../../../lib; in
builtins.attrNames (lib.evalModules {
  modules = [
    { options.x = lib.mkOption { type = lib.types.attrsOf lib.types.int; }; }
    { x.a = throw "value a"; x.b = throw "value b"; }
  ];
}).config.x
