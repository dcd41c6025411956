let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      ./data/service.nix

    ];
  }).config;
in
{ inherit (c) assertions warnings; }
