{ ... }:
{
  imports = [ ./opts.nix ./c.nix ];
  items = [ "b" ];
}
