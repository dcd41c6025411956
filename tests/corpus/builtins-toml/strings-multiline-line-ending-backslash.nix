builtins.fromTOML ''
  s = """
  one \
      two"""
''
