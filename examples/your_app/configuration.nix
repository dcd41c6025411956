# your_app on one host: the web service on port 8000 for everyone, its RPC backend on
# loopback only, the password in a root-only file outside the store.
#
# Before the first start, create the password file (any content):
#   install -d -m 0700 /etc/your_app
#   head -c 24 /dev/urandom | base64 > /etc/your_app/password && chmod 0600 /etc/your_app/password
{ ... }:
{
  imports = [ ./your-app.nix ];

  services.your_app = {
    enable = true;
    host = "0.0.0.0";
    port = 8000;
    openFirewall = true;
    passwordFile = "/etc/your_app/password";
    backend.port = 8001;
  };
}
