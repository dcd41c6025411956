let lib = import ../../../lib; in
let
  rule = lib.types.attrTag {
    bounce = lib.mkOption {
      type = lib.types.submodule { options.message = lib.mkOption { type = lib.types.str; default = "go away"; }; };
    };
    forward = lib.mkOption { type = lib.types.str; };
    drop = lib.mkOption { type = lib.types.submodule { }; };
  };
  r = lib.evalModules {
    modules = [
      { options.rules = lib.mkOption { type = lib.types.attrsOf rule; }; }
      { rules = { http.bounce = { }; ssh.drop = { }; web.forward = "10.0.0.1"; }; }
      { rules.http.bounce.message = "use https"; }
    ];
  };
in
{
  value = r.config.rules;
  description = r.options.rules.type.description;
  checks = map rule.check [ { drop = { }; } { drop = { }; forward = "x"; } { other = 1; } { } 3 ];
  subOptions = builtins.attrNames (r.options.rules.type.getSubOptions [ "rules" ]);
}
