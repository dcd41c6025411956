# String equality decided in place (if, !, &&, ||, filter): text only, context ignored,
# and unequal lengths, empty strings, thunks on either side.
let
  f = builtins.toFile "eq-demo" "x";
  withCtx = "${f}";
  plain = builtins.unsafeDiscardStringContext withCtx;
  xs = [ "a" "" "b" [ "c" ] "a" ];
  lazy = builtins.head [ (builtins.substring 0 1 "abc") ];
in
{
  ctx = if withCtx == plain then "equal" else "different";
  ctxNot = withCtx != plain;
  notEq = !("a" == "b");
  andOr = ("a" == "a" && "" != "x") || throw "unreachable";
  lengths = [ ("ab" == "abc") ("abc" != "ab") ("" == "") ];
  kept = builtins.filter (x: !builtins.isList x && x != "") xs;
  thunk = if lazy == "a" then "lazy equal" else "lazy different";
  mixed = [ ("1" == 1) ("a" != null) ];
}
