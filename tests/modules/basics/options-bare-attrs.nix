let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.group = { first = lib.mkOption { default = 1; }; second = lib.mkOption { default = 2; }; }; }
    { group.second = 20; }
  ];
}).config
