let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/service.nix
      { services.demo.enable = true; }
    ];
  }).config;
in
{
  assertions = map (a: a.assertion) c.assertions;
  messages = map (a: a.message) c.assertions;
  inherit (c) warnings;
}
