builtins.fromTOML ''
  pinf = inf
  ninf = -inf
''
