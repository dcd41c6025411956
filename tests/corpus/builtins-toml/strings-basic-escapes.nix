builtins.fromTOML ''
  s = "tab\tquote\"backslash\\unicode\u00e9"
''
