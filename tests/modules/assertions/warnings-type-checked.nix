let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/service.nix
      { warnings = [ 1 ]; }
    ];
  }).config;
in
c.warnings
