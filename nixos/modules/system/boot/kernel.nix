# Kernel modules and sysctl settings:
#   boot.kernelModules  -> etc/modules-load.d/sysnix.conf (loaded at boot
#                          by systemd-modules-load)
#   boot.kernel.sysctl  -> etc/sysctl.d/60-sysnix.conf (applied by
#                          systemd-sysctl); null values are left out,
#                          booleans written as 1/0.
{ config, lib, ... }:

let
  inherit (lib) mkOption types;

  sysctl = lib.filterAttrs (_: v: v != null) config.boot.kernel.sysctl;
  sysctlValue = v: if builtins.isBool v then (if v then "1" else "0") else toString v;
in
{
  options.boot = {
    kernelModules = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "nbd" "br_netfilter" ];
      description = "Kernel modules loaded at boot (and by activation).";
    };
    kernel.sysctl = mkOption {
      type = types.attrsOf (types.nullOr (types.oneOf [ types.bool types.str types.int ]));
      default = { };
      example = { "net.ipv4.tcp_syncookies" = false; "vm.swappiness" = 60; };
      description = "Kernel parameters set at boot (sysctl.d); null leaves a parameter alone.";
    };
  };

  config = {
    environment.etc = lib.optionalAttrs (config.boot.kernelModules != [ ]) {
      "modules-load.d/sysnix.conf".text = lib.concatStringsSep "\n" config.boot.kernelModules + "\n";
    } // lib.optionalAttrs (sysctl != { }) {
      "sysctl.d/60-sysnix.conf".text = lib.concatStrings
        (lib.mapAttrsToList (k: v: "${k}=${sysctlValue v}\n") sysctl);
    };

    # For the manifest.
    system.build.sysctl = lib.mapAttrs (_: sysctlValue) sysctl;
  };
}
