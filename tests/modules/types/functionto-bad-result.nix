let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { options.f = lib.mkOption { type = with lib.types; functionTo int; }; }
      { f = x: "not an int"; }
    ];
  }).config;
in
c.f 1
