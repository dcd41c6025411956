let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    ./data/etc.nix
    ./data/web.nix
    ({ config, ... }: {
      config = lib.mkMerge [
        { services.web.enable = true; }
        (lib.mkIf config.services.web.enable { services.web.port = 81; })
        (lib.mkIf (config.services.web.port == 81) { services.web.openFirewall = true; })
      ];
    })
  ];
}).config.networking
