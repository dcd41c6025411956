let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.freeformType = lib.types.attrsOf lib.types.str; }
    { anything = "goes"; other = "too"; }
  ];
}).config
