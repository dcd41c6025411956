# flags: --eval --strict --xml
{ x, y ? 2 }: x
