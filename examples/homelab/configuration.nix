# A small home server: a block device for the other machines (nbd), remote logins
# (openssh), a web server for a media library (nginx), a `media` system user owning that
# library, and a nightly timer that writes an index of it.
{ config, lib, pkgs, ... }:

let
  mediaDir = "/var/lib/media";
in
{
  # --- Network block device: one disk image for the LAN. -----------------------------
  services.nbd.server = {
    enable = true;
    exports.backup = {
      path = "/var/lib/nbd/backup.img";
      allowAddresses = [ "127.0.0.1" "192.168.1.0/24" ];
    };
  };
  systemd.services.nbd-server = {
    path = [ pkgs.coreutils ];
    serviceConfig.StateDirectory = "nbd";
    preStart = ''
      [ -e /var/lib/nbd/backup.img ] || truncate -s 1G /var/lib/nbd/backup.img
    '';
  };

  # --- Remote logins: keys only. ------------------------------------------------------
  services.openssh = {
    enable = true;
    settings = {
      PermitRootLogin = "prohibit-password";
      PasswordAuthentication = false;
      KbdInteractiveAuthentication = false;
    };
  };

  # --- The media library and its owner. -----------------------------------------------
  users.groups.media = { };
  users.users.media = {
    isSystemUser = true;
    group = "media";
    home = mediaDir;
    createHome = true;
    homeMode = "750"; # group members (nginx) may read it
    description = "Media library";
  };

  # nginx serves the library read-only on port 80; it reads it as a member of `media`.
  services.nginx = {
    enable = true;
    virtualHosts.media = {
      default = true;
      serverName = null;
      root = mediaDir;
      locations."/".extraConfig = "autoindex on;";
      locations."= /index.txt".extraConfig = "default_type text/plain;";
    };
  };
  users.users.nginx.extraGroups = [ "media" ];

  # Every night at 03:00 (and at the next boot if missed), list the library into
  # index.txt, as the media user.
  systemd.services.media-index = {
    description = "Index the media library";
    startAt = "*-*-* 03:00:00";
    path = [ pkgs.coreutils pkgs.findutils ];
    script = ''
      find ${mediaDir} -mindepth 1 -not -name 'index.txt*' -printf '%P\t%s\n' | sort > ${mediaDir}/index.txt.new
      mv ${mediaDir}/index.txt.new ${mediaDir}/index.txt
    '';
    # The "strict" preset, with the library writable and no network at all.
    sandbox = "strict";
    serviceConfig = {
      Type = "oneshot";
      User = "media";
      Group = "media";
      UMask = "0027";
      ReadWritePaths = [ mediaDir ];
      PrivateNetwork = true;
      RestrictAddressFamilies = "none";
    };
  };
  systemd.timers.media-index.timerConfig.Persistent = true;

  # Open: ssh (22, by services.openssh.openFirewall) and these two.
  networking.firewall.allowedTCPPorts = [ 80 config.services.nbd.server.listenPort ];
}
