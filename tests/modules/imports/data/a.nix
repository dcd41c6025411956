{
  imports = [ ./opts.nix ./b.nix ];
  items = [ "a" ];
}
