let lib = import ../../../lib; in
let
  r = lib.evalModules {
    prefix = [ "top" "level" ];
    modules = [ { options.a = lib.mkOption { type = lib.types.int; default = 3; }; } ];
  };
in
{ loc = r.options.a.loc; name = "${r.options.a}"; value = r.config.a; }
