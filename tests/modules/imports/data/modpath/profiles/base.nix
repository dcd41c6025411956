{
  imports = [ ./extra.nix ];
  items = [ "base-profile" ];
}
