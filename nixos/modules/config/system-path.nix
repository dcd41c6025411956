# The system's packages: `environment.systemPackages`, joined into
# `system.path` (a buildEnv of `environment.pathsToLink`), which the
# toplevel exposes as `sw`. Host packages among them also name the Debian
# packages the system needs (the toplevel's `packages` file).
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption types;
in
{
  options.environment = {
    systemPackages = mkOption {
      type = types.listOf types.package;
      default = [ ];
      example = lib.literalExpression "[ pkgs.htop pkgs.git ]";
      description = "Packages installed system-wide (in the toplevel's sw/).";
    };
    pathsToLink = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "/share/doc" ];
      description = "Directories of the packages linked into sw/, besides /bin, /sbin, /lib and /share.";
    };
    extraOutputsToInstall = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "Package outputs installed besides the default ones (kept for compatibility; host packages have one output).";
    };
  };

  options.system.path = mkOption {
    type = types.package;
    internal = true;
    description = "The joined system packages (sw/).";
  };

  config = {
    environment.pathsToLink = [ "/bin" "/sbin" "/lib" "/share" ];

    system.path = pkgs.buildEnv {
      name = "system-path";
      paths = config.environment.systemPackages;
      pathsToLink = lib.unique config.environment.pathsToLink;
    };
  };
}
