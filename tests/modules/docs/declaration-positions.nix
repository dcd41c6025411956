let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/service.nix { _file = "virtual.nix"; options.services.demo.extra = lib.mkOption { }; } ]; };
in
{
  port = r.options.services.demo.port.declarationPositions;
  extra = r.options.services.demo.extra.declarationPositions;
}
