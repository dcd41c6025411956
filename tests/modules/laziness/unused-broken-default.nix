let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { default = 1; }; options.b = lib.mkOption { default = throw "b forced"; }; }
  ];
}).config.a
