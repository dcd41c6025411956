let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/service.nix { _file = "a.nix"; services.demo.port = 1; } { _file = "b.nix"; services.demo.port = 1; } ]; };
in
lib.options.showOptionWithDefLocs r.options.services.demo.port
