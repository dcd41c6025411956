let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _file = "one.nix"; options.d = lib.mkOption { description = "one"; }; }
    { _file = "two.nix"; options.d = lib.mkOption { description = "two"; }; }
  ];
}).config
