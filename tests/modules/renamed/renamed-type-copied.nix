let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      ./data/new-opts.nix
      (lib.mkRenamedOptionModule [ "oldPort" ] [ "services" "new" "port" ])
    ];
  };
in
{ type = r.options.oldPort.type.description; visible = r.options.oldPort.visible; description = r.options.oldPort.description; }
