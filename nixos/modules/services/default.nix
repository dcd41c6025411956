# Service modules written for sysnix (NixOS option names). Imported once from module-list.nix.
{
  imports = [
    ./networking/nbd.nix
    ./networking/ssh/sshd.nix
    ./web-servers/nginx.nix
  ];
}
