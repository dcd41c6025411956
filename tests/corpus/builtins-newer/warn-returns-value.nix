# differs-from-2.8: builtin added in Nix 2.23 (prints "evaluation warning: ..." which the harness does not select)
builtins.warn "careful" 5
