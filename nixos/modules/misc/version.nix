# Versions: `system.stateVersion` (the release whose defaults stateful
# data was created with, as on NixOS) and `system.sysnixVersion`.
{ lib, ... }:

let
  inherit (lib) mkOption types;
in
{
  options.system = {
    stateVersion = mkOption {
      type = types.str;
      default = lib.trivial.release;
      example = "24.05";
      description = ''
        The release with whose defaults this system's stateful data (user
        ids, database formats, …) was first created. Set it once and keep
        it; it is not the version of the software that runs.
      '';
    };
    sysnixVersion = mkOption {
      type = types.str;
      internal = true;
      default = "0.1.0";
      description = "The version of sysnix's module tree (the toplevel's sysnix-version file).";
    };
  };
}
