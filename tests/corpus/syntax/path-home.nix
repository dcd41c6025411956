builtins.isPath ~/something
