let lib = import ../../../lib; in
let drv = derivation { name = "ctx"; system = "x86_64-linux"; builder = "/bin/sh"; }; in
map builtins.hasContext [ (lib.concatStringsSep "," [ "a" "${drv}" ]) (lib.optionalString true "${drv}") (lib.removePrefix "/nix" "${drv}")
  (lib.makeBinPath [ drv ]) (lib.toUpper "${drv}") (lib.escapeShellArg "${drv}") ]
