let lib = import ../../../lib; in
with lib.types;
builtins.mapAttrs (_: t: t.description) (ints // {
  between = ints.between (-3) 7;
  between-pos = ints.between 1 65535;
})
