{ config, lib, ... }:
{
  options.services.demo = {
    enable = lib.mkEnableOption "the demo service";
    port = lib.mkOption { type = lib.types.port; default = 0; };
    legacyMode = lib.mkOption { type = lib.types.bool; default = false; };
  };
  config = lib.mkIf config.services.demo.enable {
    assertions = [
      {
        assertion = config.services.demo.port != 0;
        message = "services.demo.port must be set when services.demo.enable is true.";
      }
    ];
    warnings = lib.optional config.services.demo.legacyMode "services.demo.legacyMode is deprecated.";
  };
}
