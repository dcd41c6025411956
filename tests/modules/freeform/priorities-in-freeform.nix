let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.freeformType = lib.types.attrsOf lib.types.str; }
    { a = lib.mkDefault "default"; b = "plain"; }
    { a = "override"; b = lib.mkForce "forced"; c = lib.mkIf false "hidden"; }
  ];
}).config
