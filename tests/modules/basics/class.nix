let lib = import ../../../lib; in
let
  r = lib.evalModules {
    class = "nixos";
    modules = [
      { _class = "nixos"; options.a = lib.mkOption { default = "ok"; }; }
      { a = lib.mkForce "forced"; }
    ];
  };
in
{ inherit (r) class; inherit (r.config) a; }
