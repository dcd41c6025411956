builtins.mapAttrs (n: v: builtins.typeOf v) (builtins.fromTOML ''
  i = 1
  f = 1.0
  s = "x"
  b = true
  l = [1]
  t = {}
'')
