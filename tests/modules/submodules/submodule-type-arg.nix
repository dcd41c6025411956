let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ moduleType, ... }: {
      options.copy = lib.mkOption { type = lib.types.str; default = moduleType.description; };
    })
  ];
}).config
