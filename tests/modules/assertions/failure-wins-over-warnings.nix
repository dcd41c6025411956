let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/service.nix
      { services.demo = { enable = true; legacyMode = true; }; }
    ];
  }).config;
in
c.assertWarn "built"
