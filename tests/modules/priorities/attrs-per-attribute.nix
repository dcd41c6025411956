let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf str; }; }
    { v = { a = lib.mkDefault "da"; b = "pb"; }; }
    { v = { a = "pa"; b = lib.mkForce "fb"; c = lib.mkDefault "dc"; }; }
  ];
}).config.v
