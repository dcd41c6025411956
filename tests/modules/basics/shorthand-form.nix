let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.name = lib.mkOption { type = lib.types.str; }; }
    { name = "short"; }
  ];
}).config
