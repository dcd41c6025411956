let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    { systemd.services.a.unitName = "other"; }
  ];
}).config.systemd.units
