let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    ./data/etc.nix
    ./data/web.nix
    { services.web = { enable = true; port = 8080; openFirewall = true; virtualHosts."a.org".root = "/srv/a"; }; }
  ];
}).config
