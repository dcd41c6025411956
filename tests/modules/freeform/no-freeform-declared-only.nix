let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { default = 1; }; }
    { a = 2; }
  ];
})._module.freeformType
