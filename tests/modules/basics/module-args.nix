let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.args.answer = 42; }
    ({ answer, lib, ... }: {
      options.x = lib.mkOption { type = lib.types.int; };
      config.x = answer;
    })
  ];
}).config
