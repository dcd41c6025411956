let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/new-opts.nix
    (lib.mkRenamedOptionModule [ "oldNames" ] [ "services" "new" "names" ])
    { oldNames = [ "via-old" ]; }
    { services.new.names = [ "via-new" ]; }
  ];
}).config.services.new.names
