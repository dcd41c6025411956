builtins.fromTOML ''
  ints = [ 1, 2, 3 ]
  nested = [ [ 1, 2 ], [ "a" ] ]
  empty = []
  trailing = [ 1, 2, ]
''
