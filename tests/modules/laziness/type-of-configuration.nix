let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ { options.a = lib.mkOption { default = 1; }; } ]; };
  outer = lib.evalModules {
    modules = [
      { options.inner = lib.mkOption { type = r.type; default = { }; }; }
      { inner.a = 5; }
    ];
  };
in
{ desc = r.type.description; inner = outer.config.inner; }
