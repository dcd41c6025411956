# flags: --eval --strict --argstr extra x
{ ... }@args: args
