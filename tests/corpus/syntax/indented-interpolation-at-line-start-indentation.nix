let x = "v"; in ''
    ${x}
  y
''
