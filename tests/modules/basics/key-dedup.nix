let lib = import ../../../lib; in
let
  shared = { key = "shared"; l = [ "once" ]; };
in
(lib.evalModules {
  modules = [
    { options.l = lib.mkOption { type = lib.types.listOf lib.types.str; }; }
    shared
    shared
    { imports = [ shared ]; }
  ];
}).config
