''first
  second
  ''
