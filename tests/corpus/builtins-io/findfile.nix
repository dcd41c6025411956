builtins.findFile [ { prefix = "p"; path = toString ./data; } ] "p/hello.txt"
