let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _file = "parent.nix"; options.a = lib.mkOption { type = lib.types.attrsOf lib.types.int; }; }
    { _file = "child.nix"; options.a.b = lib.mkOption { type = lib.types.int; }; }
  ];
}).config
