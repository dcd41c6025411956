let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { options.p = lib.mkOption { type = lib.types.package; }; }
      { p = "/nix/store/00000000000000000000000000000000-thing"; }
    ];
  }).config;
in
{ type = c.p.type; outPath = c.p.outPath; name = c.p.name; }
