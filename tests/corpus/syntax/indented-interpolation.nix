let x = "X"; in ''
  before ${x} after
  ${x}${x}
''
