let lib = import ../../../lib; in
let
  mkHost = name: { networking.hostName = name; };
  hostOption = { options.networking.hostName = lib.mkOption { type = lib.types.str; }; };
in
map (h: (lib.evalModules { modules = [ hostOption (mkHost h) ]; }).config.networking.hostName) [ "alpha" "beta" ]
