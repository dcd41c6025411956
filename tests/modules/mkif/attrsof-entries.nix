let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.users = lib.mkOption { type = lib.types.attrsOf lib.types.int; default = { }; }; }
    { users = lib.mkIf true { alice = 1; }; }
    { users = lib.mkIf false { bob = 2; }; }
    { users.carol = lib.mkIf false 3; users.dave = lib.mkIf true 4; }
  ];
}).config
