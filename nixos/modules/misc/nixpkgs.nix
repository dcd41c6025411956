# The package set modules receive as `pkgs`: `nixpkgs.pkgs`, by default
# sysnix's own set (../../../pkgs) for `nixpkgs.system` with
# `nixpkgs.overlays` applied.
{ config, lib, ... }:

let
  inherit (lib) mkOption types;
  cfg = config.nixpkgs;
in
{
  options.nixpkgs = {
    pkgs = mkOption {
      # One definition, taken whole, as NixOS's `types.pkgs` (without its `_type`
      # check, so any attribute set is accepted). Merging it name by name, as
      # `lazyAttrsOf` would, costs a thunk per package: the host set has tens of
      # thousands, and that was half of a no-change `sysnix build`.
      type = types.unique { message = "A package set can not be merged with another package set; define `nixpkgs.pkgs` once."; } types.attrs // {
        name = "pkgs";
        description = "package set";
      };
      defaultText = lib.literalExpression "import <sysnix/pkgs> { inherit (config.nixpkgs) system overlays; }";
      description = "The package set given to every module as `pkgs`.";
    };
    system = mkOption {
      type = types.str;
      default = builtins.currentSystem;
      example = "x86_64-linux";
      description = "The platform the system is built for.";
    };
    overlays = mkOption {
      type = types.listOf (types.functionTo (types.functionTo (types.lazyAttrsOf types.raw)));
      default = [ ];
      example = lib.literalExpression "[ (final: prev: { myTool = final.writeShellScriptBin \"my-tool\" \"echo hi\"; }) ]";
      description = "Overlays applied to the package set, in order.";
    };
    config = mkOption {
      type = types.attrsOf types.raw;
      default = { };
      description = "nixpkgs configuration (accepted for compatibility; sysnix's package set ignores it).";
    };
    hostPackageBuilder = mkOption {
      type = types.enum [ "builtin" "shell" ];
      default = "builtin";
      description = ''
        How host packages are built: by sysnix's builtin builder, or
        ("shell") by a /bin/bash builder that C++ Nix can run too (tests).
      '';
    };
  };

  config = {
    nixpkgs.pkgs = lib.mkOptionDefault (import ../../../pkgs {
      inherit lib;
      inherit (cfg) system overlays hostPackageBuilder config;
    });
    _module.args.pkgs = cfg.pkgs;
  };
}
