let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { freeformType = lib.types.attrsOf lib.types.bool; }
    { flag = true; }
  ];
}).config
