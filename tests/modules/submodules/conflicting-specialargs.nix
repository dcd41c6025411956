let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.x = lib.mkOption { type = lib.types.submoduleWith { modules = [ ({ a, ... }: { }) ]; specialArgs.a = 1; }; }; }
    { options.x = lib.mkOption { type = lib.types.submoduleWith { modules = [ ]; specialArgs.a = 2; }; }; }
    { x = { }; }
  ];
}).config
