let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ./data/new-opts.nix
    (lib.mkRenamedOptionModule [ "services" "old" "enable" ] [ "services" "new" "enable" ])
    { services.old.enable = true; }
  ];
}).config.services.new
