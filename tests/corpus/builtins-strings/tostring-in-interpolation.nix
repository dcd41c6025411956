# `"${toString x}"` for every kind of value toString takes, with context kept.
let
  drv = derivation { name = "d"; system = "x86_64-linux"; builder = "/bin/sh"; };
  s = "${toString 42}|${toString (-7)}|${toString 1.5}|${toString true}|${toString false}|${toString null}|${toString [ 1 [ ] "a" null [ 2 3 ] ]}|${toString ./tostring-path.nix}|${toString { __toString = self: 5; }}|${toString { outPath = "/o"; }}|${toString drv}|${builtins.toString "s"}";
in
{
  inherit s;
  ctx = builtins.attrNames (builtins.getContext s);
  shadowed = let toString = x: "mine"; in "${toString 1}";
}
