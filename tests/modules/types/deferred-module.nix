let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.extra = lib.mkOption { type = lib.types.deferredModule; }; }
      { extra = { options.x = lib.mkOption { type = lib.types.int; }; }; }
      { extra = { x = 3; }; }
      { extra = { config, ... }: { options.y = lib.mkOption { }; config.y = config.x + 1; }; }
    ];
  };
in
(lib.evalModules { modules = [ r.config.extra ]; }).config
