builtins.fromTOML "ml = \"\"\"\nfirst\nsecond\"\"\"\nlit = '''\nraw \\n\ntext'''\n"
