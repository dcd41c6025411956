let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      (lib.mkRemovedOptionModule [ "services" "gone" ] "Use services.new instead.")
    ];
  }).config;
in
c.services.gone
