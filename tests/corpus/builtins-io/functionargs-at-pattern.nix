builtins.functionArgs (args@{ z }: z)
