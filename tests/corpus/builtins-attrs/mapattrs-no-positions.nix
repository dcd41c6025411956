# The attributes `mapAttrs` makes have no position; `intersectAttrs` and
# `removeAttrs` keep those of the set they come from.
let s = { a = 1; b = 2; }; in {
  mapped = builtins.unsafeGetAttrPos "a" (builtins.mapAttrs (n: v: v) s);
  kept = (builtins.unsafeGetAttrPos "a" (builtins.removeAttrs s [ "b" ])).line;
}
