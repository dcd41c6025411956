{ config, lib, ... }:
let
  cfg = config.services.web;
in
{
  options.services.web = {
    enable = lib.mkEnableOption "the web server";
    port = lib.mkOption { type = lib.types.port; default = 80; };
    openFirewall = lib.mkOption { type = lib.types.bool; default = false; };
    virtualHosts = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule { options.root = lib.mkOption { type = lib.types.str; }; });
      default = { };
    };
  };
  options.networking.firewall.allowedTCPPorts = lib.mkOption { type = lib.types.listOf lib.types.port; default = [ ]; };
  config = lib.mkIf cfg.enable (lib.mkMerge [
    {
      systemd.services.web = {
        description = "Web server on port ${toString cfg.port}";
        wantedBy = [ "multi-user.target" ];
        script = "serve --port ${toString cfg.port}";
      };
      environment.etc."web/hosts".text = lib.concatStringsSep "\n"
        (lib.mapAttrsToList (name: vh: "${name} ${vh.root}") cfg.virtualHosts);
    }
    (lib.mkIf cfg.openFirewall { networking.firewall.allowedTCPPorts = [ cfg.port ]; })
  ]);
}
