let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.users = lib.mkOption { type = lib.types.attrsOf lib.types.int; default = { }; };
      options.hasAlice = lib.mkOption { type = lib.types.bool; default = false; };
    }
    ({ config, ... }: { config = lib.mkIf (config.users ? alice) { hasAlice = true; }; })
    { users.alice = 1; }
  ];
}).config
