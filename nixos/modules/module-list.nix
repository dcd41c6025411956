# The modules every sysnix system is made of (NixOS's baseModules).
# Service and program modules come through services/default.nix and
# programs/default.nix.
[
  ../../lib/modules/assertions.nix
  ./misc/nixpkgs.nix
  ./misc/extra-arguments.nix
  ./misc/version.nix
  ./misc/meta.nix
  ./config/users-groups.nix
  ./config/system-path.nix
  ./config/shells-environment.nix
  ./config/time.nix
  ./networking/hostname.nix
  ./networking/firewall.nix
  ./system/boot/systemd.nix
  ./system/boot/tmpfiles.nix
  ./system/boot/kernel.nix
  ./system/etc/etc.nix
  ./security/keys.nix
  ./system/activation/top-level.nix
  ./security/sandbox.nix
  ./security/exposure.nix
]
++ (if builtins.pathExists ./services/default.nix then [ ./services/default.nix ] else [ ])
++ (if builtins.pathExists ./programs/default.nix then [ ./programs/default.nix ] else [ ])
