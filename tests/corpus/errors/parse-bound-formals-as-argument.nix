builtins.map y@{ ... }: y
