let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    { systemd.services.a.description = "A"; systemd.services.b = { }; }
  ];
}).config.systemd.units
