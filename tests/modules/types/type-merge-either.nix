let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.x = lib.mkOption { type = with lib.types; either int (listOf str); }; }
      { options.x = lib.mkOption { type = with lib.types; either int (listOf str); }; }
      { x = [ "a" ]; }
    ];
  };
in
{ v = r.config.x; t = r.options.x.type.description; }
