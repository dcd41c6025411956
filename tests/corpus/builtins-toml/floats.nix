builtins.fromTOML ''
  a = 3.14
  b = -0.5
  c = 5e2
  d = 1_000.5
''
