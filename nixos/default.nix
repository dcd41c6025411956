# Evaluate a sysnix system configuration (NixOS's nixos/default.nix).
#
#   import ./nixos { configuration = ./configuration.nix; }
#   => { config; options; pkgs; toplevel; }
#
# `configuration` is a module: a path, a function or an attribute set.
# `pkgs` (optional) replaces the package set (otherwise nixpkgs.pkgs, i.e.
# sysnix's ../pkgs for `system`).
{ configuration
, system ? builtins.currentSystem
, specialArgs ? { }
, pkgs ? null
}:

let
  lib = import ../lib;

  baseModules = import ./modules/module-list.nix;

  eval = lib.evalModules {
    modules = baseModules ++ [
      { nixpkgs.system = lib.mkDefault system; }
      (if pkgs != null then { nixpkgs.pkgs = pkgs; } else { })
      configuration
    ];
    specialArgs = { modulesPath = ./modules; } // specialArgs;
  };
in
{
  inherit (eval) config options;
  inherit (eval._module.args) pkgs;
  toplevel = eval.config.system.build.toplevel;
  # For tools that extend the configuration.
  inherit (eval) extendModules;
  type = eval.type or null;
}
