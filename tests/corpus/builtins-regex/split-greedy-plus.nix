builtins.split "o+" "foooboo"
