# flags: --eval --strict --argstr a first --argstr a second
{ a }: a
