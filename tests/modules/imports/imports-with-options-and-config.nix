let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      imports = [ ./data/opts.nix ];
      options.more = lib.mkOption { default = "m"; };
      config.items = [ "cfg" ];
    }
  ];
}).config
