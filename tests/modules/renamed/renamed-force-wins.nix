let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/new-opts.nix
    (lib.mkRenamedOptionModule [ "oldPort" ] [ "services" "new" "port" ])
    { oldPort = lib.mkForce 1000; }
    { services.new.port = 2000; }
  ];
}).config.services.new.port
