# A raw control character after a run of plain characters: Nix's line, column and
# "last read" text.
builtins.fromJSON "{\"a\":\n  \"plain text before the tab\there\"}"
