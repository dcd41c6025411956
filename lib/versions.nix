# Splitting and padding version strings.
{ lib }:

rec {
  # splitVersion :: string -> [string]
  # The components of a version, as builtins.compareVersions sees them.
  # Example: splitVersion "1.2.3pre" => [ "1" "2" "3" "pre" ]
  splitVersion = builtins.splitVersion;

  # major, minor, patch :: string -> string
  # The first, second, third component of a version.
  # Example: minor "1.2.3" => "2"
  major = v: builtins.elemAt (splitVersion v) 0;
  minor = v: builtins.elemAt (splitVersion v) 1;
  patch = v: builtins.elemAt (splitVersion v) 2;

  # majorMinor :: string -> string
  # The first two components joined by a dot.
  # Example: majorMinor "1.2.3" => "1.2"
  majorMinor = v: builtins.concatStringsSep "." (lib.lists.take 2 (splitVersion v));

  # pad :: int -> string -> string
  # Pad (or cut) the numeric part of a version to n components, keeping any
  # "-suffix".
  # Example: pad 3 "1.2-rc1" => "1.2.0-rc1"
  pad = n: version:
    let
      numeric = builtins.head (lib.strings.splitString "-" version);
      suffix = lib.strings.removePrefix numeric version;
      parts = splitVersion numeric ++ builtins.genList (_: "0") n;
    in
    builtins.concatStringsSep "." (lib.lists.take n parts) + suffix;
}
