let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.inner = lib.mkOption {
        type = lib.types.submoduleWith {
          specialArgs = { flavour = "vanilla"; };
          modules = [ ({ flavour, ... }: { options.taste = lib.mkOption { default = flavour; }; }) ];
        };
        default = { };
      };
    }
  ];
}).config
