let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; port; }; }
    { v = 70000; }
  ];
}).config
