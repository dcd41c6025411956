let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/etc.nix
    { environment.etc.motd.text = "hi"; }
    { environment.etc.motd.enable = false; }
  ];
}).config.environment.etcFiles
