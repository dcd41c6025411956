{ lib, ... }:
{
  options.services.demo = {
    enable = lib.mkEnableOption "the demo service";
    port = lib.mkOption {
      type = lib.types.port;
      default = 8080;
      example = 443;
      description = "Port to listen on.";
    };
    package = lib.mkOption {
      type = lib.types.str;
      default = "demo-1.0";
      defaultText = lib.literalExpression "pkgs.demo";
      description = "Package to run.";
    };
    extraArgs = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ ];
      example = [ "--verbose" "--color" ];
      description = "Extra arguments.";
    };
    secret = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      internal = true;
      visible = false;
    };
    note = lib.mkOption {
      type = lib.types.lines;
      readOnly = true;
      default = "";
      example = lib.literalMD "Some *Markdown* text.";
    };
  };
}
