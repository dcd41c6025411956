# sysnix's package set: the part of nixpkgs that NixOS-style modules touch,
# written for a host whose software comes from its own package manager.
#
#   let pkgs = import ./pkgs { }; in pkgs.writeText "hello" "hi"
#
# It holds
#   - the trivial builders (writeText, writeShellScript, runCommand,
#     symlinkJoin, …; see ./build-support/trivial-builders.nix), real
#     derivations built by the host's /bin/bash with PATH=/usr/bin:/bin;
#   - `formats.*` (ini, json, yaml, toml, keyValue, …; ./formats.nix);
#   - host packages: `pkgs.nginx`, `pkgs.nbd`, … stand for Debian packages
#     (./host-packages.nix);
#   - `lib`, `system`, `stdenv` (platforms and a minimal mkDerivation),
#     `callPackage`.
#
# Arguments:
#   lib                 the library (../lib)
#   system              the platform string ("x86_64-linux")
#   hostPackageBuilder  "builtin" (default): host packages are built by
#                       sysnix's builtin:sysnix-host-package builder;
#                       "shell": a /bin/bash builder that makes the same
#                       links, so that C++ Nix's nix-build can build a
#                       system too (used by the tests).
#   overlays            nixpkgs-style overlays (final: prev: { … }), applied
#                       in order on top of the set.
#   config              accepted for nixpkgs compatibility (ignored).
{ lib ? import ../lib
, system ? builtins.currentSystem
, hostPackageBuilder ? "builtin"
, overlays ? [ ]
, config ? { }
}:

let
  pkgs = lib.fix (lib.extends (lib.composeManyExtensions overlays) (self:
    let
      trivial = import ./build-support/trivial-builders.nix { inherit lib system; pkgs = self; };
      hostPackages = import ./host-packages.nix {
        inherit lib system hostPackageBuilder;
        inherit (trivial) runtimeShell;
      };
      platform = {
        inherit system;
        config = system;
        isLinux = lib.hasSuffix "-linux" system;
        isDarwin = lib.hasSuffix "-darwin" system;
        isx86_64 = lib.hasPrefix "x86_64-" system;
        isx86_32 = lib.hasPrefix "i686-" system;
        isx86 = lib.hasPrefix "x86_64-" system || lib.hasPrefix "i686-" system;
        isAarch64 = lib.hasPrefix "aarch64-" system;
        isAarch32 = lib.hasPrefix "armv" system;
        isRiscV = lib.hasPrefix "riscv" system;
        is64bit = lib.hasPrefix "x86_64-" system || lib.hasPrefix "aarch64-" system
          || lib.hasPrefix "riscv64-" system || lib.hasPrefix "powerpc64" system;
        isStatic = false;
        isMusl = false;
        libc = "glibc";
        parsed.kernel.name = lib.last (lib.splitString "-" system);
        parsed.cpu.name = lib.head (lib.splitString "-" system);
        canExecute = other: other.system == system;
        emulatorAvailable = _: true;
      };
    in
    # Host packages first: a name the builders below also use keeps the
    # builder.
    hostPackages.packages
    // trivial
    // {
      inherit lib system;

      # Formats for configuration files: `(pkgs.formats.ini { }).generate`.
      formats = import ./formats.nix { inherit lib; pkgs = self; };

      # The table host packages are made from, and the function making one
      # (for modules that want a Debian package the table lacks).
      inherit (hostPackages) hostPackageTable mkHostPackage;

      # Platforms: only what modules test (isLinux, system, …).
      hostPlatform = platform;
      buildPlatform = platform;
      targetPlatform = platform;

      stdenv = {
        hostPlatform = platform;
        buildPlatform = platform;
        targetPlatform = platform;
        inherit system;
        inherit (platform) isLinux isDarwin isx86_64 isAarch64;
        shell = trivial.runtimeShell;
        shellDryRun = "${trivial.runtimeShell} -n -O extglob";
        cc = null;
        isGNU = true;
        isClang = false;
        inherit (trivial) mkDerivation;
      };
      stdenvNoCC = self.stdenv;

      # callPackage: a function (or file) called with the packages it names.
      callPackage = lib.callPackageWith self;
      callPackages = lib.callPackagesWith self;
      newScope = extra: lib.callPackageWith (self // extra);

      # The package set itself, as nixpkgs' `pkgs.pkgs`.
      pkgs = self;
      buildPackages = self;
      pkgsBuildBuild = self;
      pkgsBuildHost = self;
      pkgsHostTarget = self;
      config = config;
      overlays = overlays;
    }));
in
pkgs
