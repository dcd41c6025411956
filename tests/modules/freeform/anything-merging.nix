let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.freeformType = lib.types.attrsOf lib.types.anything; }
    { settings.a = 1; settings.list = [ 1 ]; }
    { settings.b = 2; settings.list = [ 1 ]; }
  ];
}).config
