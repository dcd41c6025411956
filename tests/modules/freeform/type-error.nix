let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.freeformType = lib.types.attrsOf lib.types.int; }
    { good = 1; bad = "no"; }
  ];
}).config
