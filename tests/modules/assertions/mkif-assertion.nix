let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/service.nix
      ({ config, ... }: { assertions = lib.mkIf (config.services.demo.port > 100) [ { assertion = false; message = "port above 100"; } ]; })
      { services.demo.port = 200; }
    ];
  }).config;
in
c.assertWarn "built"
