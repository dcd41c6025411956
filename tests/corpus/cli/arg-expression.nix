# flags: --eval --strict --arg x 1+2
{ x }: x * 2
