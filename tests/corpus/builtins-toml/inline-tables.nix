builtins.fromTOML ''
  point = { x = 1, y = 2 }
  nested = { inner = { v = "deep" } }
''
