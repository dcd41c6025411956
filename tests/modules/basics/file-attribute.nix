let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { _file = "declared-here.nix"; options.a = lib.mkOption { type = lib.types.int; }; }
      { _file = "defined-here.nix"; a = 1; }
    ];
  };
in
{ inherit (r.options.a) files declarations; }
