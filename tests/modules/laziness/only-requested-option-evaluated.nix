let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.good = lib.mkOption { type = lib.types.int; }; options.bad = lib.mkOption { type = lib.types.int; }; }
    { good = 1; bad = "wrong type, never checked"; }
  ];
}).config.good
