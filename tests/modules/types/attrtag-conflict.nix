let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.r = lib.mkOption { type = lib.types.attrTag { a = lib.mkOption { type = lib.types.int; }; b = lib.mkOption { type = lib.types.int; }; }; }; }
    { _file = "one.nix"; r.a = 1; }
    { _file = "two.nix"; r.b = 2; }
  ];
}).config
