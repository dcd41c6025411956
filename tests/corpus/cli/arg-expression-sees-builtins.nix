# flags: --eval --strict --arg x builtins.length
{ x }: x [ 1 2 3 ]
