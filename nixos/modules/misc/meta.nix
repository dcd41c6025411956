# `meta`: information about modules (maintainers, documentation), as NixOS
# modules set it. Nothing reads it; it is accepted so such modules load.
{ lib, ... }:
{
  options.meta = lib.mkOption {
    type = lib.types.attrsOf lib.types.unspecified;
    default = { };
    internal = true;
    description = "Information about the modules (maintainers, doc, …).";
  };
}
