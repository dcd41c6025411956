(builtins.readDir ./data).link
