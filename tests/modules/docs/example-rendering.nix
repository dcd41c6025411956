let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.a = lib.mkOption { example = { x = [ 1 2 ]; }; };
        options.b = lib.mkOption { example = lib.literalExpression "pkgs.hello"; };
        options.c = lib.mkOption { example = true; };
        options.d = lib.mkOption { };
      }
    ];
  };
in
map (o: { inherit (o) name; example = o.example or null; })
  (builtins.filter (o: builtins.head o.loc != "_module") (lib.optionAttrSetToDocList r.options))
