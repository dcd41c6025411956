let lib = import ../../../lib; in
let
  make = cond: (lib.evalModules {
    modules = [
      ./data/new-opts.nix
      (lib.doRename {
        from = [ "p" ];
        to = [ "services" "new" "port" ];
        visible = true;
        warn = false;
        use = x: x;
        condition = cond;
      })
      { p = 1234; }
    ];
  }).config.services.new.port;
in
{ on = make true; off = make false; }
