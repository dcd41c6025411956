let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/new-opts.nix
      (lib.mkRenamedOptionModuleWith { from = [ "legacy" ]; to = [ "services" "new" "enable" ]; sinceRelease = 2003; })
      { legacy = true; }
    ];
  }).config;
in
{ inherit (c) warnings; enable = c.services.new.enable; }
