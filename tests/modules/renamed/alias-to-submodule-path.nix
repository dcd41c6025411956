let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.users = lib.mkOption {
        type = lib.types.attrsOf (lib.types.submodule { options.uid = lib.mkOption { type = lib.types.int; }; });
        default = { };
      };
    }
    (lib.mkAliasOptionModule [ "accounts" ] [ "users" ])
    { accounts.alice.uid = 1; }
    { users.bob.uid = 2; }
  ];
}).config
