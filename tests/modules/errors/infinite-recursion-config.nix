let lib = import ../../../lib; in
# The cycle is entered through `port` below, so Nix reports its position here
# (a cycle entered inside lib/ would be reported at a position in lib/).
let
  r = lib.evalModules {
    modules = [
      { options.port = lib.mkOption { type = lib.types.port; }; }
      { port = port + 1; }
    ];
  };
  port = r.config.port;
in
port
