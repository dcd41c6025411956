# mapAttrs with a builtin of two arguments, and with a partly applied one
{
  get = builtins.mapAttrs builtins.getAttr { a = { a = 1; }; b = { b = 2; }; };
  fold = builtins.mapAttrs (builtins.foldl' (acc: s: acc + s)) { x = [ "1" "2" ]; y = [ ]; };
}
