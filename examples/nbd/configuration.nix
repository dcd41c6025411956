# A network block device server with two exports, as in the NixOS nbd module's article:
# `public` for every client, `private` for this host only. The backing files live in
# /var/lib/nbd and are created (sparse, 64 MiB) on the first start, so the service works on
# a fresh machine.
{ config, lib, pkgs, ... }:

let
  stateDir = "/var/lib/nbd";
  size = "64M";
in
{
  services.nbd.server = {
    enable = true;
    exports = {
      public = {
        path = "${stateDir}/public.img";
      };
      private = {
        path = "${stateDir}/private.img";
        allowAddresses = [ "127.0.0.1" ];
      };
    };
  };

  # Clients elsewhere reach the server on its port (10809).
  networking.firewall.allowedTCPPorts = [ config.services.nbd.server.listenPort ];

  # /var/lib/nbd belongs to the server's user; missing backing files are created empty.
  systemd.services.nbd-server = {
    path = [ pkgs.coreutils ];
    serviceConfig = {
      StateDirectory = "nbd";
      StateDirectoryMode = "0750";
    };
    preStart = lib.concatMapStrings (export: ''
      [ -e ${export.path} ] || truncate -s ${size} ${export.path}
    '') (lib.attrValues config.services.nbd.server.exports);
  };
}
