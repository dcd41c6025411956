# The exposure policy gate (a sysnix addition): a limit on systemd's exposure
# score (0 = locked down … 10 = unprotected, as `systemd-analyze security`
# computes it) for every service, checked when the system is built.
#
#   security.exposure.max = 2.0;                        # every service
#   systemd.services.sshd.exposure.max = 9.6;           # one service
#   security.exposure.mode = "warn";                    # report, do not fail
#
# The build computes each service's score from its unit file (sysnix
# security) and fails listing every service over its limit, its score and the
# settings that would lower it most; with mode "warn" it prints the same and
# succeeds. The limits reach the build through the activation manifest
# (`exposure`: { mode; units = { "<name>.service" = max; }; }), null when no
# service has a limit.
{ config, lib, ... }:

let
  inherit (lib) mkOption types filterAttrs mapAttrs' nameValuePair literalExpression;

  cfg = config.security.exposure;
  limit = types.nullOr (types.numbers.between 0 10);

  serviceModule = { ... }: {
    options.exposure.max = mkOption {
      type = limit;
      default = cfg.max;
      defaultText = literalExpression "config.security.exposure.max";
      example = 2.0;
      description = ''
        The highest exposure score this service may have (0–10, as
        `systemd-analyze security` prints it); null for no limit.
      '';
    };
  };

  limits = mapAttrs' (name: svc: nameValuePair "${name}.service" svc.exposure.max)
    (filterAttrs (_: svc: svc.enable && svc.exposure.max != null) config.systemd.services);
in
{
  options.security.exposure = {
    max = mkOption {
      type = limit;
      default = null;
      example = 2.0;
      description = ''
        The highest exposure score any service may have (0–10); each
        service's `exposure.max` defaults to it. null: no limit.
      '';
    };
    mode = mkOption {
      type = types.enum [ "enforce" "warn" ];
      default = "enforce";
      description = ''
        "enforce": a service over its limit fails the build; "warn": it is
        reported and the build goes on.
      '';
    };
  };

  options.systemd.services = mkOption {
    type = types.attrsOf (types.submodule serviceModule);
  };

  config.system.build.exposurePolicy =
    if limits == { } then null else { inherit (cfg) mode; units = limits; };
}
