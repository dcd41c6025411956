let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; package; }; }
    { v = "not-a-store-path"; }
  ];
}).config
