let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; str; }; }
    { v = lib.mkDefault "a"; }
    { v = lib.mkDefault "a"; }
  ];
}).config.v
