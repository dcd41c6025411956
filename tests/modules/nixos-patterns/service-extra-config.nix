let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    ./data/etc.nix
    ./data/web.nix
    {
      services.web.enable = true;
      systemd.services.web.environment.LANG = "C";
      systemd.services.web.serviceConfig = { Restart = "always"; Type = "notify"; };
      systemd.services.web.after = [ "network.target" ];
    }
  ];
}).config.systemd.services.web
