let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    ./data/etc.nix
    ./data/web.nix
  ];
}).config
