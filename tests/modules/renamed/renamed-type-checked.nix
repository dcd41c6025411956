let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/new-opts.nix
    (lib.mkRenamedOptionModule [ "oldPort" ] [ "services" "new" "port" ])
    { oldPort = "http"; }
  ];
}).config.services.new.port
