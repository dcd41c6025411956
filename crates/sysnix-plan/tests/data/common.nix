# Shared by v1.nix and v2.nix: the nbd example's server and a few small units, each
# exercising one switch rule. `version` (1 or 2) selects what changes.
version:
{ config, lib, pkgs, ... }:

let
  v2 = version == 2;
in
{
  services.nbd.server = {
    enable = true;
    # v2 changes the port: the config file changes, so ExecStart and the restart triggers do.
    listenPort = if v2 then 10810 else 10809;
    exports.public.path = "/var/lib/nbd/public.img";
  };

  # Reloaded when it changes (reloadIfChanged).
  systemd.services.reloader = {
    wantedBy = [ "multi-user.target" ];
    reloadIfChanged = true;
    serviceConfig = {
      Type = "oneshot";
      RemainAfterExit = true;
      ExecStart = "/bin/echo ${if v2 then "two" else "one"}";
      ExecReload = "/bin/echo ${if v2 then "two" else "one"}";
    };
  };

  # Restarted in place (stopIfChanged = false).
  systemd.services.inplace = {
    wantedBy = [ "multi-user.target" ];
    stopIfChanged = false;
    serviceConfig.ExecStart = "/bin/sleep ${if v2 then "2000" else "1000"}";
  };

  # Left alone when it changes (restartIfChanged = false).
  systemd.services.pinned = {
    wantedBy = [ "multi-user.target" ];
    restartIfChanged = false;
    serviceConfig.ExecStart = "/bin/sleep ${if v2 then "2000" else "1000"}";
  };

  # Reloaded through a reload trigger.
  systemd.services.triggered = {
    wantedBy = [ "multi-user.target" ];
    reloadTriggers = [ (if v2 then "b" else "a") ];
    serviceConfig.ExecStart = "/bin/sleep 1000";
    serviceConfig.ExecReload = "/bin/true";
  };

  # Socket-activated: a change cycles the socket, not the service.
  systemd.sockets.echo = {
    wantedBy = [ "sockets.target" ];
    listenStreams = [ "/run/echo.sock" ];
  };
  systemd.services.echo = {
    serviceConfig.ExecStart = "/bin/cat${lib.optionalString v2 " -u"}";
    serviceConfig.StandardInput = "socket";
  };

  # Unchanged, with an alias.
  systemd.services.steady = {
    wantedBy = [ "multi-user.target" ];
    aliases = [ "steady-alias.service" ];
    serviceConfig.ExecStart = "/bin/sleep 1000";
  };

  # A drop-in over a host unit (cron.service), changed in v2.
  systemd.services.cron = {
    overrideStrategy = "asDropin";
    environment.CRON_LEVEL = if v2 then "2" else "1";
  };

  # Only in v1: removed.
  systemd.services.retired = lib.mkIf (!v2) {
    wantedBy = [ "multi-user.target" ];
    serviceConfig.ExecStart = "/bin/sleep 1000";
  };

  # Masked in v2.
  systemd.services.doomed = {
    enable = !v2;
    wantedBy = [ "multi-user.target" ];
    serviceConfig.ExecStart = "/bin/sleep 1000";
  };

  # Only in v2: new, wanted by multi-user.target, and a new target with a unit of its own.
  systemd.services.fresh = lib.mkIf v2 {
    wantedBy = [ "multi-user.target" ];
    serviceConfig.ExecStart = "/bin/sleep 1000";
  };
  systemd.targets.app = lib.mkIf v2 {
    wantedBy = [ "multi-user.target" ];
  };
  systemd.services.app-worker = lib.mkIf v2 {
    wantedBy = [ "app.target" ];
    serviceConfig.ExecStart = "/bin/sleep 1000";
  };
}
