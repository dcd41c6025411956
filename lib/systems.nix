# A minimal lib.systems: the system doubles sysnix knows about.
{ lib }:

rec {
  # flakeExposed :: [string]
  # The systems flakes commonly provide outputs for.
  flakeExposed = [
    "x86_64-linux"
    "aarch64-linux"
    "x86_64-darwin"
    "armv6l-linux"
    "armv7l-linux"
    "i686-linux"
    "aarch64-darwin"
    "powerpc64le-linux"
    "riscv64-linux"
    "x86_64-freebsd"
  ];

  # doubles.linux :: [string]
  # Linux system doubles (sysnix targets systemd Linux only).
  doubles.linux = builtins.filter (lib.strings.hasSuffix "-linux") flakeExposed;

  # parseDouble :: string -> { cpu; kernel; }
  # Split "cpu-kernel".
  # Example: parseDouble "x86_64-linux" => { cpu = "x86_64"; kernel = "linux"; }
  parseDouble = s:
    let m = builtins.match "([^-]+)-(.+)" s; in
    if m == null then throw "lib.systems.parseDouble: not a system double: ${s}"
    else { cpu = builtins.elemAt m 0; kernel = builtins.elemAt m 1; };
}
