let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.users = lib.mkOption { type = lib.types.attrsOf lib.types.int; default = { }; };
      options.groups = lib.mkOption { type = lib.types.attrsOf (lib.types.listOf lib.types.str); default = { }; };
      config.groups = lib.mapAttrs' (name: uid: lib.nameValuePair "g-${name}" [ name ]) config.users;
    })
    { users.alice = 1; users.bob = 2; }
    { groups.extra = [ "x" ]; }
  ];
}).config
