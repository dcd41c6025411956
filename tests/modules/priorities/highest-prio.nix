let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.a = lib.mkOption { type = lib.types.int; default = 0; };
        options.b = lib.mkOption { type = lib.types.int; default = 0; };
        options.c = lib.mkOption { type = lib.types.int; default = 0; };
        options.d = lib.mkOption { type = lib.types.int; };
      }
      { b = lib.mkDefault 1; c = lib.mkForce 2; }
      { c = 3; }
    ];
  };
in
{
  a = r.options.a.highestPrio;
  b = r.options.b.highestPrio;
  c = r.options.c.highestPrio;
  d = r.options.d.highestPrio;
  dDefined = r.options.d.isDefined;
  cDefs = r.options.c.definitions;
}
