let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _file = "first.nix"; options.x = lib.mkOption { type = lib.types.int; }; }
    { _file = "second.nix"; options.x = lib.mkOption { type = lib.types.str; }; }
  ];
}).config
