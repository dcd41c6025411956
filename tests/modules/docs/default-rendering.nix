let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.int = lib.mkOption { default = 1; };
        options.str = lib.mkOption { default = "s"; };
        options.list = lib.mkOption { default = [ 1 "a" ]; };
        options.attrs = lib.mkOption { default = { a = 1; b.c = true; }; };
        options.null = lib.mkOption { default = null; };
        options.path = lib.mkOption { default = /etc/hosts; };
        options.text = lib.mkOption { default = 1; defaultText = "one (plain string)"; };
        options.lit = lib.mkOption { default = 1; defaultText = lib.literalExpression "1 + 0"; };
        options.md = lib.mkOption { default = 1; defaultText = lib.literalMD "*one*"; };
        options.multi = lib.mkOption { default = "two\nlines"; };
        options.noDefault = lib.mkOption { };
      }
    ];
  };
in
builtins.listToAttrs (map (o: { name = o.name; value = o.default or "<none>"; })
  (builtins.filter (o: builtins.head o.loc != "_module") (lib.optionAttrSetToDocList r.options)))
