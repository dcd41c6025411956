# Module arguments beyond `pkgs`: `utils` (systemd string helpers and the
# unit library, ../../lib/utils.nix).
{ lib, pkgs, ... }:
{
  config._module.args.utils = import ../../lib/utils.nix { inherit lib pkgs; };
}
