let lib = import ../../../lib; in
(lib.evalModules {
  modules = [ { options.a = lib.mkOption { default = 1; }; stray = 2; other = 3; } ];
}).config
