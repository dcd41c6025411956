let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.old = lib.mkSinkUndeclaredOptions { }; }
      { old.anything.goes = 1; old.here = [ ]; }
    ];
  };
in
r.config.old
