let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/service.nix
      { services.demo.enable = true; services.demo.port = 8000; }
    ];
  }).config;
in
c.assertWarn "built"
