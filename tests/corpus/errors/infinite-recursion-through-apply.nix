# A cycle through a pending application (mapAttrs) is reported at the attribute selected.
let
  opts = { a = { value = cfg.a + 1; }; };
  walk = set: builtins.mapAttrs (n: v: v.value) set;
  cfg = walk opts;
in
cfg
