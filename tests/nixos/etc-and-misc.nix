# /etc files, host name, time zone, kernel modules, sysctl, variables.
{ pkgs, ... }:
{
  networking.hostName = "web1";
  networking.firewall.enable = false;
  time.timeZone = "Europe/Paris";
  boot.kernelModules = [ "nbd" "br_netfilter" ];
  boot.kernel.sysctl = { "net.ipv4.ip_forward" = true; "vm.swappiness" = 10; "kernel.unset" = null; "net.core.x" = false; };
  environment.variables = { EDITOR = "vim"; SEARCH = [ "/a" "/b" ]; };
  environment.sessionVariables.PAGER = "less";
  environment.shellAliases.ll = "ls -l";
  environment.etc."app/app.conf".text = "key = value\n";
  environment.etc."sudoers.d/admins" = { text = "%adm ALL=(ALL) ALL\n"; mode = "0440"; group = "root"; };
  environment.etc."other-name" = { target = "renamed.conf"; source = pkgs.writeText "src" "x"; };
  environment.etc."disabled".text = "x";
  environment.etc."disabled".enable = false;
  systemd.tmpfiles.settings."10-app"."/var/lib/app".d = { mode = "0750"; user = "root"; group = "adm"; };
}
