let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { options.f = lib.mkOption { type = with lib.types; functionTo (attrsOf str); }; }
      { f = name: { greeting = "hi ${name}"; }; }
      { f = name: { farewell = "bye ${name}"; }; }
    ];
  }).config;
in
c.f "bob"
