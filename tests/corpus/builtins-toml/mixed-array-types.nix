builtins.fromTOML ''
  m = [ 1, "a", true ]
''
