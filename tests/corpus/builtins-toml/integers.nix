builtins.fromTOML ''
  dec = 1_000
  neg = -17
  pos = +5
  hex = 0xff
  oct = 0o17
  bin = 0b101
''
