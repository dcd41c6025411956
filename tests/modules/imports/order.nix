let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/opts.nix
    { items = [ "first" ]; imports = [ { items = [ "first-import" ]; } ]; }
    { items = [ "second" ]; }
    ./data/a.nix
  ];
}).config.items
