let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    ./data/etc.nix
    ./data/web.nix
    { services.web.enable = true; systemd.services.web.script = lib.mkForce "custom"; }
  ];
}).config.systemd.services.web.script
