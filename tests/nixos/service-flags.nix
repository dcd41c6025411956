# Restart/reload behaviour markers, triggers, other scripts, startAt.
{ pkgs, ... }:
{
  networking.firewall.enable = false;
  systemd.services.norestart = {
    script = "sleep infinity";
    restartIfChanged = false;
    stopIfChanged = false;
    restartTriggers = [ "v1" ];
    reloadTriggers = [ "r1" ];
  };
  systemd.services.reloader = {
    serviceConfig.ExecStart = "${pkgs.coreutils}/bin/sleep infinity";
    reload = "kill -HUP $MAINPID";
    reloadIfChanged = true;
    postStart = "true";
    preStop = "true";
    postStop = "true";
  };
  systemd.services.nightly = {
    script = "echo nightly";
    startAt = "*-*-* 03:00:00";
    serviceConfig.Type = "oneshot";
  };
  systemd.services.strict = {
    script = "echo strict";
    enableStrictShellChecks = true;
  };
}
