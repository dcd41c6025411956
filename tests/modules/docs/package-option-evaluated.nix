let lib = import ../../../lib; in
let
  pkgs.hello = { type = "derivation"; name = "hello-2.12"; outPath = "/nix/store/00000000000000000000000000000000-hello-2.12"; };
  r = lib.evalModules { modules = [ { options.p = lib.mkPackageOption pkgs "hello" { }; } ]; };
in
{ name = r.config.p.name; doc = builtins.filter (o: o.name == "p") (lib.optionAttrSetToDocList r.options); }
