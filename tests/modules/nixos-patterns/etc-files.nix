let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/etc.nix
    { environment.etc."hosts".text = "127.0.0.1 localhost"; environment.etc.motd = { text = "hi"; mode = "0644"; }; environment.etc.off = { enable = false; }; }
  ];
}).config.environment.etcFiles
