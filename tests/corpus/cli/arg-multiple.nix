# flags: --eval --strict --arg a 1 --argstr b two
{ a, b }: [ a b ]
