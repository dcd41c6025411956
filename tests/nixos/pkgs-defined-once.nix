# A configuration's own package set replaces the default one whole.
{ ... }:
{
  nixpkgs.pkgs = { hello = "mine"; };
}
