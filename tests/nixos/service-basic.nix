# A service with a script, dependencies and settings.
{ ... }:
{
  networking.firewall.enable = false;
  systemd.services.hello = {
    description = "Hello service";
    wantedBy = [ "multi-user.target" ];
    after = [ "network.target" ];
    wants = [ "network.target" ];
    environment.GREETING = "hello world";
    script = "echo \"$GREETING\"";
    preStart = "mkdir -p /run/hello";
    serviceConfig = {
      Restart = "on-failure";
      RestartSec = 5;
      PrivateTmp = true;
      NoNewPrivileges = false;
      ReadWritePaths = [ "/var/lib/a" "/var/lib/b" ];
      User = null;
    };
  };
}
