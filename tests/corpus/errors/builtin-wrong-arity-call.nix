builtins.length [ ] [ ]
