let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.svc.enable = lib.mkEnableOption "svc";
        options.svc.url = lib.mkOption { type = lib.types.str; };
      }
      ({ config, ... }: { config = lib.mkIf config.svc.enable { svc.url = "set"; }; })
    ];
  };
in
{ enable = r.config.svc.enable; urlDefined = r.options.svc.url.isDefined; }
