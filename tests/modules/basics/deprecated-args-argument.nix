let lib = import ../../../lib; in
(lib.evalModules {
  args = { v = 3; };
  modules = [
    ({ v, lib, ... }: { options.x = lib.mkOption { default = v; }; })
  ];
}).config
