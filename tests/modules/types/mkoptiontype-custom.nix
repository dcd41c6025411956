let lib = import ../../../lib; in
let
  maxInt = lib.types.mkOptionType {
    name = "maxInt";
    description = "integer merged by maximum";
    check = builtins.isInt;
    merge = loc: defs: lib.foldl' (a: d: if d.value > a then d.value else a) 0 defs;
  };
  r = lib.evalModules {
    modules = [
      { options.m = lib.mkOption { type = maxInt; }; }
      { m = 3; }
      { m = 7; }
      { m = 5; }
    ];
  };
in
{ value = r.config.m; type = r.options.m.type.description; name = r.options.m.type.name; }
