let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { _file = "one.nix"; options.d = lib.mkOption { description = "described"; }; }
      { _file = "two.nix"; options.d = lib.mkOption { default = 5; type = lib.types.int; }; }
    ];
  };
in
{ value = r.config.d; inherit (r.options.d) declarations description; }
