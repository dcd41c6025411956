# attrsOf evaluates its attributes' definitions in name order: `y` fails before `z`.
let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.bad = lib.mkOption { type = lib.types.attrsOf lib.types.int; default = { }; }; }
    { bad = { z = lib.mkIf (throw "z fails") 1; y = lib.mkIf (throw "y fails first") 1; }; }
  ];
}).config.bad
