let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ { options.a.b.c = lib.mkOption { type = lib.types.str; }; } ];
}).config.a.b.c
