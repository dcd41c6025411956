# The time zone: `time.timeZone` -> etc/timezone and etc/localtime (a
# symlink to the host's /usr/share/zoneinfo/<zone>). null leaves the
# host's setting alone.
{ config, lib, ... }:

let
  inherit (lib) types;
  tz = config.time.timeZone;
in
{
  options.time.timeZone = lib.mkOption {
    type = types.nullOr (types.addCheck types.str (s: !(lib.hasInfix " " s) && s != "")) // {
      description = "time zone name without spaces";
    };
    default = null;
    example = "Europe/Paris";
    description = "The time zone (a name under /usr/share/zoneinfo); null keeps the host's.";
  };

  config = lib.mkIf (tz != null) {
    environment.etc = {
      timezone.text = "${tz}\n";
      localtime.source = "/usr/share/zoneinfo/${tz}";
    };
  };
}
