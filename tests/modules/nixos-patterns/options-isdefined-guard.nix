let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/systemd.nix
    ./data/web.nix
    ./data/etc.nix
    ({ options, lib, ... }: {
      options.report = lib.mkOption { type = lib.types.str; };
      config.report = if options.services.web.port.isDefined && options.services.web.port.highestPrio < 1500 then "port set" else "port default";
    })
    { services.web.port = 8080; }
  ];
}).config.report
