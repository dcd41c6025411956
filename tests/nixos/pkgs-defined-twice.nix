# `nixpkgs.pkgs` is taken whole, from a single definition (as NixOS's `types.pkgs`):
# two package sets are not merged name by name.
{ ... }:
{
  imports = [{ nixpkgs.pkgs = { hello = "from the import"; }; }];
  nixpkgs.pkgs = { hello = "from the configuration"; };
}
