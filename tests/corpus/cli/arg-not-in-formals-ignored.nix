# flags: --eval --strict --argstr other x
{ a ? "default" }: a
