# Declaration positions come from unsafeGetAttrPos on each module's `options`, natively
# computed lazily; an option declared without a position-bearing attribute gets `line = null`.
let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.a = lib.mkOption { type = lib.types.int; default = 1; }; }
      { options = builtins.listToAttrs [ { name = "b"; value = lib.mkOption { type = lib.types.int; default = 2; }; } ]; }
    ];
  };
  strip = p: p // { file = baseNameOf p.file; };
in
{
  a = map strip r.options.a.declarationPositions;
  b = map (p: p.line) r.options.b.declarationPositions;
  values = { inherit (r.config) a b; };
}
