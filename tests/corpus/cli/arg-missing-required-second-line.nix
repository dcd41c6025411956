# flags: --eval --strict --arg a 1
{ a
, b ? 2
, c
}: a + b + c
