let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { type = lib.types.int; }; }
    { a = throw "bad value for a"; }
  ];
}).config
