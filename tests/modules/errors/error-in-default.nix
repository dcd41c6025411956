let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ { options.a = lib.mkOption { type = lib.types.int; default = throw "default is broken"; }; } ];
}).config
