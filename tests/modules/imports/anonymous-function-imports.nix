let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/opts.nix
    ({ ... }: { imports = [ ({ ... }: { items = [ "deep function" ]; }) ]; })
  ];
}).config
