let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      ./data/opts.nix
      (lib.setDefaultModuleLocation "virtual/location.nix" { items = [ "x" ]; })
      (lib.setDefaultModuleLocation "function/location.nix" ({ ... }: { flag = true; }))
    ];
  };
in
{ items = r.options.items.files; flag = r.options.flag.files; }
