let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [ { options.a = lib.mkOption { type = lib.types.int; description = "doc"; }; } { a = throw "never"; } ];
  };
in
r.options.a.description
