let lib = import ../../../lib; in
(lib.evalModules {
  specialArgs = { greeting = "hi"; };
  modules = [
    ({ greeting, lib, ... }: {
      options.out = lib.mkOption { type = lib.types.str; };
      config.out = greeting + "!";
    })
  ];
}).config
