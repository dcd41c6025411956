let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.freeformType = lib.types.attrsOf lib.types.int; }
    { a = 1; }
  ];
})._module.freeformType.description
