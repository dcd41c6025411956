let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.freeformType = lib.types.attrsOf lib.types.int; _module.check = false; }
    { a = 1; }
  ];
}).config
