builtins.readDir "rel/path"
