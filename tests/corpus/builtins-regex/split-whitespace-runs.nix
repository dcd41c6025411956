builtins.split "[[:space:]]+" " one  two three "
