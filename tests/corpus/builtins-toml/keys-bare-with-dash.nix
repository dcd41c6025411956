builtins.fromTOML ''
  bare-key_1 = 1
  1234 = "numeric key"
''
