let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { options.f = lib.mkOption { type = with lib.types; functionTo (listOf int); }; }
      { f = x: [ x ]; }
      { f = x: [ (x * 2) ]; }
    ];
  }).config;
in
c.f 5
