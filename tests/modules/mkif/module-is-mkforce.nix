let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { type = lib.types.int; }; }
    { a = 1; }
    (lib.mkForce { a = 5; })
  ];
}).config
