let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/service.nix
      { services.demo.enable = true; }
      { assertions = [ { assertion = false; message = "second failure"; } { assertion = true; message = "holds"; } ]; }
    ];
  }).config;
in
c.assertWarn "built"
