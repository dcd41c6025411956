{ lib, config, ... }:
let
  inherit (lib) mkOption types;
  serviceModule = { name, config, ... }: {
    options = {
      description = mkOption { type = types.str; default = ""; };
      wantedBy = mkOption { type = types.listOf types.str; default = [ ]; };
      after = mkOption { type = types.listOf types.str; default = [ ]; };
      environment = mkOption { type = types.attrsOf types.str; default = { }; };
      script = mkOption { type = types.lines; default = ""; };
      serviceConfig = mkOption {
        type = types.attrsOf (types.oneOf [ types.str types.int types.bool (types.listOf types.str) ]);
        default = { };
      };
      unitName = mkOption { type = types.str; default = "${name}.service"; readOnly = true; };
    };
    config.serviceConfig.Type = lib.mkDefault "simple";
  };
in
{
  options.systemd.services = mkOption {
    type = types.attrsOf (types.submodule serviceModule);
    default = { };
  };
  options.systemd.units = mkOption {
    type = types.attrsOf types.str;
    default = { };
  };
  config.systemd.units = lib.mapAttrs' (name: svc: lib.nameValuePair svc.unitName svc.description) config.systemd.services;
}
