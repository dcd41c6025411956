let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; strMatching "[a-z]+"; }; }
    { v = "ABC"; }
  ];
}).config
