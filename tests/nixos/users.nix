# Users, groups, authorized keys.
{ pkgs, ... }:
{
  networking.firewall.enable = false;
  users.users.alice = {
    isNormalUser = true;
    description = "Alice";
    extraGroups = [ "adm" ];
    openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx alice@laptop" ];
  };
  users.users.bob = { isNormalUser = true; uid = 1500; shell = pkgs.zsh; };
  users.users.svc = { isSystemUser = true; group = "svc"; uid = 990; home = "/var/lib/svc"; createHome = true; };
  users.groups.svc.gid = 990;
  users.groups.shared.members = [ "alice" "bob" ];
}
