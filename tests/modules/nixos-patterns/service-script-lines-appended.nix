let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    ./data/etc.nix
    ./data/web.nix
    { services.web.enable = true; systemd.services.web.script = lib.mkAfter "echo done"; }
    { systemd.services.web.script = lib.mkBefore "echo start"; }
  ];
}).config.systemd.services.web.script
