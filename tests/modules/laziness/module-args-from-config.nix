let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, ... }: { _module.args.settings = config.settings; })
    { options.settings = lib.mkOption { default = { name = "from-config"; }; }; }
    ({ settings, lib, ... }: { options.copy = lib.mkOption { default = settings.name; }; })
  ];
}).config.copy
