let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.box = lib.mkOption { type = lib.types.submodule { config = { }; }; default = { }; }; }
    { box.thing = 1; }
  ];
}).config
