# Sockets, timers, targets, paths, raw units, aliases, drop-ins, masking.
{ ... }:
{
  networking.firewall.enable = false;
  systemd.sockets.echo = {
    wantedBy = [ "sockets.target" ];
    listenStreams = [ "127.0.0.1:7777" ];
    listenDatagrams = [ "/run/echo.sock" ];
    socketConfig.Accept = false;
  };
  systemd.services.echo.script = "cat";
  systemd.services.tick.script = "true";
  systemd.timers.tick = {
    wantedBy = [ "timers.target" ];
    timerConfig = { OnBootSec = "5min"; Unit = "tick.service"; Persistent = true; };
  };
  systemd.targets.apps = { description = "Applications"; wants = [ "tick.timer" ]; };
  systemd.paths.watch = { wantedBy = [ "multi-user.target" ]; pathConfig.PathChanged = "/etc/watched"; };
  systemd.units."raw.service" = {
    text = "[Unit]\nDescription=Raw\n[Service]\nExecStart=/bin/true\n";
    wantedBy = [ "multi-user.target" ];
  };
  systemd.services.aliased = { script = "true"; aliases = [ "other-name.service" ]; requiredBy = [ "apps.target" ]; };
  systemd.services.masked = { enable = false; script = "true"; };
  systemd.services.tweak = { overrideStrategy = "asDropin"; serviceConfig.Nice = 5; };
}
