let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.a = lib.mkOption { type = lib.types.listOf lib.types.int; default = [ 0 ]; description = "A list."; }; }
      { _file = "one.nix"; a = [ 1 ]; }
      { _file = "two.nix"; a = lib.mkBefore [ 2 ]; }
    ];
  };
  o = r.options.a;
in
{
  inherit (o) isDefined files definitions highestPrio loc declarations description value;
  type = o.type.description;
  string = "${o}";
  isOption = lib.isOption o;
}
