# Reusable module: the `assertions` and `warnings` options of NixOS, and
# `assertWarn`, which checks them the way a NixOS system build does.
#
#   let cfg = (lib.evalModules { modules = [ ./assertions.nix ... ]; }).config;
#   in cfg.assertWarn result
#
# fails with "Failed assertions:\n- <message>" when an assertion is false,
# and otherwise returns `result` after printing each warning.
{ lib, config, ... }:

let
  inherit (lib) mkOption types;

  failed = map (a: a.message) (builtins.filter (a: !a.assertion) config.assertions);

  # Print every warning (first one first), then give `value`.
  showWarnings = value: lib.foldr (w: acc: lib.warn w acc) value config.warnings;
in
{
  options = {
    assertions = mkOption {
      type = types.listOf types.unspecified;
      internal = true;
      default = [ ];
      example = [{ assertion = false; message = "you can't enable this for that reason"; }];
      description = ''
        Conditions that must hold for the configuration to be built, each
        `{ assertion = <bool>; message = <string>; }`. A false assertion makes
        the build fail with its message.
      '';
    };

    warnings = mkOption {
      type = types.listOf types.str;
      internal = true;
      default = [ ];
      example = [ "The `foo' service is deprecated and will go away soon!" ];
      description = ''
        Messages printed as warnings when the configuration is built.
      '';
    };

    assertWarn = mkOption {
      type = types.functionTo types.raw;
      internal = true;
      readOnly = true;
      description = ''
        A function returning its argument once every assertion holds
        (otherwise it fails listing the failed ones) and after printing the
        warnings.
      '';
      default = value:
        if failed != [ ] then
          throw "Failed assertions:\n${lib.concatStringsSep "\n" (map (m: "- ${m}") failed)}"
        else showWarnings value;
    };
  };
}
