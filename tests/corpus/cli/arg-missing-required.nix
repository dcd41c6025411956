# flags: --eval --strict --argstr a x
{ a, b }: a + b
