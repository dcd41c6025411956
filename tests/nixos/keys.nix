# Keys: a text key, a keyFile given as a Nix path (never copied to the
# store), a keyCommand with its own destDir and name, and a service
# waiting for a key.
{ ... }:
{
  networking.firewall.enable = false;
  deployment.keys.db = { text = "not-in-the-store-7c1d"; user = "app"; group = "keys"; permissions = "0640"; };
  deployment.keys.tls.keyFile = ./keys.nix;
  deployment.keys.token = { keyCommand = [ "/usr/bin/pass" "show" "token" ]; destDir = "/var/lib/app/secrets"; name = "token.txt"; };
  systemd.services.app = {
    wants = [ "db-key.service" ];
    after = [ "db-key.service" ];
    script = "cat /run/keys/db";
  };
}
