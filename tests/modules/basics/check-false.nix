let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { type = lib.types.int; }; }
    { a = 1; undeclared.thing = 2; }
    { _module.check = false; }
  ];
}).config
