let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { default = 1; }; }
    ({ extendModules, ... }: {
      options.variant = lib.mkOption { default = (extendModules { modules = [ { a = 2; } ]; }).config.a; };
    })
  ];
}).config
