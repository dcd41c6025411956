# differs-from-2.8: builtin added in Nix 2.10
builtins.traceVerbose "hidden" 7
