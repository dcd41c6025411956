let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { require = [ { options.r = lib.mkOption { default = "required"; }; } ]; }
  ];
}).config
