builtins.fromTOML ''
  s = 'C:\path\no\escapes'
''
