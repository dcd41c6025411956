let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/etc.nix
    { environment.etc.motd = lib.mkDefault { text = "default text"; mode = "0600"; }; }
    { environment.etc.motd.target = "motd.txt"; }
  ];
}).config.environment.etc.motd
