let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.s = lib.mkOption { type = lib.types.submodule { options.a = lib.mkOption { }; options.b = lib.mkOption { }; }; }; }
    { s = ./data/sub-def.nix; }
    { s = { ... }: { b = "from function"; }; }
  ];
}).config
