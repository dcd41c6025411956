let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { type = lib.types.int; default = 0; }; }
    { options.b = lib.mkOption { type = lib.types.int; }; }
    { b = 5; }
    ({ options, lib, ... }: {
      options.report = lib.mkOption { type = lib.types.attrsOf lib.types.bool; };
      config.report = { a = options.a.isDefined; b = options.b.isDefined; };
    })
  ];
}).config
