let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; envVar; }; }
    { v = "/bin"; }
    { v = "/usr/bin"; }
  ];
}).config
