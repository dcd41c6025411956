let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.freeformType = lib.types.attrsOf (lib.types.submodule { options.x = lib.mkOption { default = "x"; }; }); }
    { _module.freeformType = lib.types.attrsOf (lib.types.submodule { options.y = lib.mkOption { default = "y"; }; }); }
    { thing = { }; }
  ];
}).config
