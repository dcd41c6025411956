let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = lib.types.anything; }; }
    { _file = "one.nix"; v.x = 1; }
    { _file = "two.nix"; v.x = { }; }
  ];
}).config
