let lib = import ../../../lib; in
(lib.evalModules {
  specialArgs.modulesPath = ./data/modpath;
  modules = [
    ./data/opts.nix
    ({ modulesPath, ... }: { imports = [ (modulesPath + "/profiles/base.nix") ]; })
    { disabledModules = [ "profiles/extra.nix" ]; }
  ];
}).config
