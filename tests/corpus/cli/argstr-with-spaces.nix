# flags: --eval --strict --argstr s 'a b  c'
{ s }: s
