builtins.fromTOML ''
  a = 1
  b = "two"
  c = true
  d = 1.5
''
