let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { options.v = lib.mkOption { type = lib.types.anything; }; }
      { v.f = x: { a = x; }; }
      { v.f = x: { b = x + 1; }; }
    ];
  }).config;
in
c.v.f 1
