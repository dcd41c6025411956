let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.users = lib.mkOption {
          type = lib.types.attrsWith {
            placeholder = "user";
            elemType = lib.types.submodule { options.uid = lib.mkOption { type = lib.types.int; }; };
          };
        };
      }
      { users.alice.uid = 1000; }
    ];
  };
in
{
  value = r.config.users;
  subOptionLoc = (r.options.users.type.getSubOptions [ "users" ]).uid.loc;
}
