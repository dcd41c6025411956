let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [ { options.services."my-app".enable = lib.mkEnableOption "app"; } ];
  };
in
"${r.options.services.my-app.enable}"
