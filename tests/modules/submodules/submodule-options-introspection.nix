let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/users-option.nix { users.alice = { }; } ]; };
  sub = r.options.users.type.getSubOptions [ "users" ];
in
{
  names = builtins.attrNames sub;
  homeLoc = sub.home.loc;
  homeType = sub.home.type.description;
  subModuleCount = builtins.length r.options.users.type.getSubModules;
}
